import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as Client from '../../../renderer/src/api/client';
import type { RemovalImpact } from '../../../shared/directory/types';

const impacts = new Map<string, RemovalImpact>();
vi.mock('../../../renderer/src/api/client', async (original) => ({
  ...(await original<typeof Client>()),
  call: vi.fn(async (channel: string, payload: { kind: string; id: number }) => {
    if (channel !== 'directory.impact') throw new Error(channel);
    return impacts.get(`${payload.kind}:${payload.id}`)!;
  }),
}));

const { RemovalImpactList } = await import('../../../renderer/src/partners/impact-list');
const { RecordTable } = await import('../../../renderer/src/ui/data-table');

const wrap = (node: React.ReactNode) => render(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);

describe('the warning before a removal', () => {
  it('lists each affected record in words, as a link to it, and following one closes the dialog', async () => {
    impacts.set('person:7', {
      subject: 'Ada Lovelace',
      items: [
        { kind: 'document', id: 3, title: 'Refuge ISA', detail: 'Draft, names them as Author. Those fields will be left empty.' },
        { kind: 'action', id: 9, title: 'Share the leaflet', detail: 'Open action, due 2099-01-31, owned by them.' },
        { kind: 'meeting', id: 4, title: 'Board', detail: 'Upcoming meeting on 2099-03-02 at 10:00' },
        { kind: 'settings', id: null, title: 'Partnership coordinator', detail: 'Settings names them as the coordinator.' },
      ],
    });
    const onLeave = vi.fn();
    wrap(<RemovalImpactList kind="person" id={7} none="Nothing else." onLeave={onLeave} />);
    const list = await screen.findByRole('list', { name: 'Affected records' });
    expect(screen.getByRole('heading', { name: 'This affects 4 records' })).toBeTruthy();
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Refuge ISA', '#/documents/3'],
      ['Share the leaflet', '#/meetings/actions/9'],
      ['Board', '#/meetings/4'],
      ['Partnership coordinator', '#/settings'],
    ]);
    expect(list.textContent).toContain('Draft, names them as Author.');
    await userEvent.setup().click(links[0]!);
    expect(onLeave).toHaveBeenCalledOnce();
  });

  it('says plainly when nothing else is affected', async () => {
    impacts.set('organisation:2', { subject: 'Harbour Refuge', items: [] });
    wrap(<RemovalImpactList kind="organisation" id={2} none="Nothing names it." onLeave={() => {}} />);
    expect(await screen.findByText('Nothing names it.')).toBeTruthy();
  });
});

describe('RecordTable', () => {
  it('is a named table whose cells read with their column headers, an actions header hidden but present', () => {
    render(
      <RecordTable
        label="Backups, newest first"
        rows={[{ name: 'a', size: '2 MB' }]}
        rowKey={(r) => r.name}
        columns={[
          { key: 'size', label: 'Size', render: (r) => r.size },
          { key: 'actions', label: 'Actions', hideLabel: true, render: () => <button>Restore</button> },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Backups, newest first' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Size', 'Actions']);
    expect(within(table).getByRole('cell', { name: '2 MB' })).toBeTruthy();
  });

  it('can head a column with more than words (a link), its row headers naming each row', () => {
    render(
      <RecordTable
        label="Signatory matrix"
        rows={[{ id: 1, name: 'Northshire Police', signed: 'Signed' }]}
        rowKey={(r) => r.id}
        columns={[
          { key: 'org', label: 'Organisation', rowHeader: true, render: (r) => r.name },
          { key: 'isa', label: 'ISA', header: <a href="#/documents/4">ISA</a>, render: (r) => r.signed },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Signatory matrix' });
    const isa = within(table).getByRole('columnheader', { name: 'ISA' });
    expect(within(isa).getByRole('link', { name: 'ISA' }).getAttribute('href')).toBe('#/documents/4');
    expect(within(table).getByRole('rowheader', { name: 'Northshire Police' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Signed' })).toBeTruthy();
  });
});
