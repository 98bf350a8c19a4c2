import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../../shared/meetings/model';
import { ActionForm } from '../../../renderer/src/meetings/action-form';
import { fakeVersionedMain, renderWithQueries } from '../../helpers/fake-main';

const stored: Action = {
  id: 7,
  meetingId: null,
  meetingTitle: '',
  meetingStartsAt: null,
  groupId: null,
  groupName: '',
  agendaItemId: null,
  description: 'Share the car wash list',
  ownerOrganisationId: null,
  ownerOrganisationName: '',
  ownerPersonId: null,
  ownerPersonName: '',
  dueOn: '2027-01-31',
  status: 'open',
  fourPs: [],
  overdue: false,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  version: 1,
};

/** A pretend main: the action was changed elsewhere (version 2, a later due date) after this form read it. */
function fakeMain() {
  return fakeVersionedMain<Action>({
    row: { ...stored, version: 2, dueOn: '2027-03-31', status: 'in_progress' },
    update: 'meetings.actions.update',
    stale: 'This action changed since you opened it.',
    reads: { 'meetings.actions.get': (row) => ({ action: row, updates: [] }) },
  });
}

afterEach(() => {
  delete window.concordat;
});

describe('ActionForm on a stale save', () => {
  it('offers Keep mine, which puts my change on top of theirs and saves against their version', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    renderWithQueries(<ActionForm action={stored} meetingId={null} />);
    const box = screen.getByRole('textbox', { name: /^Action/ });
    await user.clear(box);
    await user.type(box, 'Share the car wash list with trading standards');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Action A7 changed somewhere else');
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    // Mine (the description) on top of theirs (the status they set).
    expect((screen.getByRole('textbox', { name: /^Action/ }) as HTMLTextAreaElement).value).toBe(
      'Share the car wash list with trading standards',
    );
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('in_progress');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(main.row().version).toBe(3));
    expect(main.updates.at(-1)).toMatchObject({
      version: 2,
      description: 'Share the car wash list with trading standards',
      status: 'in_progress',
      dueOn: '2027-03-31',
    });
  });

  it('offers Use theirs, which discards my change and shows the stored action', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    renderWithQueries(<ActionForm action={stored} meetingId={null} />);
    await user.type(screen.getByRole('textbox', { name: /^Action/ }), ' today');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Use theirs' }));
    expect((screen.getByRole('textbox', { name: /^Action/ }) as HTMLTextAreaElement).value).toBe('Share the car wash list');
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('in_progress');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(main.row().version).toBe(2);
  });

  it('saves twice in a row from the same form: the first save is the base of the second', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    renderWithQueries(<ActionForm action={main.row()} meetingId={null} />);
    await user.type(screen.getByRole('textbox', { name: /^Action/ }), ' today');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    await screen.findByText('Action saved.');
    await user.type(screen.getByRole('textbox', { name: /^Action/ }), ' and tomorrow');
    await user.click(screen.getByRole('button', { name: 'Save action' }));
    await waitFor(() => expect(main.row().version).toBe(4));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(main.updates.map((u) => u.version)).toEqual([2, 3]);
    expect(main.row().description).toBe('Share the car wash list today and tomorrow');
  });
});

describe('ActionForm on the kit form', () => {
  it('asks for the action before saving, then adds it with the contract’s trimmed text and empties for the next one', async () => {
    const created: Record<string, unknown>[] = [];
    window.concordat = {
      onMenuCommand: () => () => undefined,
      invoke: async (channel: string, payload: unknown) => {
        if (channel === 'meetings.actions.create') {
          created.push(payload as Record<string, unknown>);
          return { ok: true, value: { ...stored, id: 12, ...(payload as Partial<Action>) } };
        }
        return { ok: true, value: [] };
      },
    } as unknown as NonNullable<Window['concordat']>;
    const user = userEvent.setup();
    renderWithQueries(<ActionForm action={null} meetingId={null} />);
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    expect(await screen.findByText('Describe the action')).toBeTruthy();
    expect(created).toEqual([]);
    await user.type(screen.getByRole('textbox', { name: /^Action/ }), '  Chase the council  ');
    await user.click(screen.getByRole('checkbox', { name: /Prevent/ }));
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ description: 'Chase the council', dueOn: null, status: 'open', fourPs: ['prevent'] });
    expect(await screen.findByText('Action A12 added.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Action/ }) as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByText('Describe the action')).toBeNull();
  });
});
