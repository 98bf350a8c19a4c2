import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDetail, VersionSummary } from '../../../shared/contract/documents';
import { Versions } from '../../../renderer/src/documents/versions';

const versions: VersionSummary[] = [
  { number: 2, label: '2.0', agreedBy: 'Sam', agreedAt: '2026-11-20T10:00:00.000Z', note: 'Annual review' },
  { number: 1, label: '1.0', agreedBy: 'Sam', agreedAt: '2026-01-15T10:00:00.000Z', note: 'First agreed' },
];

function fakeMain() {
  const calls: { channel: string; payload: unknown }[] = [];
  window.concordat = {
    onMenuCommand: () => () => undefined,
    invoke: async (channel: string, payload: unknown) => {
      calls.push({ channel, payload });
      if (channel === 'documents.versions.list') return { ok: true, value: versions };
      if (channel === 'documents.versions.get')
        return {
          ok: true,
          value: {
            ...versions[1],
            values: {},
            tree: {
              meta: { title: 'Terms of reference', version: '1.0', date: '2026-01-15', marking: 'OFFICIAL' },
              blocks: [{ kind: 'paragraph', runs: [{ text: 'The board meets quarterly.' }] }],
            },
          },
        };
      if (channel === 'documents.versions.diff')
        return {
          ok: true,
          value: [{ value: 'The board meets ' }, { value: 'monthly', removed: true }, { value: 'quarterly', added: true }],
        };
      return { ok: true, value: [] };
    },
  } as unknown as NonNullable<Window['concordat']>;
  return calls;
}

afterEach(() => {
  delete window.concordat;
});

const doc = { id: 9, versions: 2, revision: 12 } as DocumentDetail;

function renderVersions() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Versions doc={doc} onMessage={() => undefined} />
    </QueryClientProvider>,
  );
}

describe('the versions of a document', () => {
  it('lists the agreed versions newest first, each with its actions named by version', async () => {
    fakeMain();
    renderVersions();
    const table = await screen.findByRole('table', { name: 'Agreed versions, newest first' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent?.slice(0, 3))).toEqual(['Ver', '2.0', '1.0']);
    // Only a version with an older one can be compared with the previous.
    expect(screen.getByRole('button', { name: 'Compare version 2.0 with version 1.0' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Compare version 1\.0 with version/ })).toBeNull();
    for (const name of ['View version 1.0', 'Export version 1.0 to Word', 'Export version 1.0 to public-safe Word']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });

  it('shows a version as it was agreed, and compares one with the current text', async () => {
    const calls = fakeMain();
    const user = userEvent.setup();
    renderVersions();
    await user.click(await screen.findByRole('button', { name: 'View version 1.0' }));
    const viewing = await screen.findByRole('dialog', { name: 'Version 1.0' });
    await waitFor(() => expect(viewing.textContent).toContain('The board meets quarterly.'));
    await user.click(within(viewing).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Compare version 1.0 with the current text' }));
    const comparing = await screen.findByRole('dialog', { name: 'Compare versions' });
    const diff = await within(comparing).findByLabelText('Differences');
    expect(diff.querySelector('del')?.textContent).toBe('monthly');
    expect(diff.querySelector('ins')?.textContent).toBe('quarterly');
    expect(calls.find((c) => c.channel === 'documents.versions.diff')?.payload).toEqual({ id: 9, from: 1, to: 'current' });
  });
});
