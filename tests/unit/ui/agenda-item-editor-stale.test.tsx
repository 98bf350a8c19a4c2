import { useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../shared/meetings/model';
import { call } from '../../../renderer/src/api/client';
import { AgendaItemEditor } from '../../../renderer/src/meetings/agenda-item-editor';
import { meetingKeys } from '../../../renderer/src/meetings/queries';
import { fakeVersionedMain, renderWithQueries } from '../../helpers/fake-main';

/** A pretend main with one agenda item; an update based on an older version is refused as stale. */
function fakeMain() {
  const main = fakeVersionedMain<AgendaItem>({
    row: {
      id: 4,
      meetingId: 1,
      position: 1,
      kind: 'item',
      title: 'Referrals',
      leadPersonId: null,
      leadName: '',
      minutesAllowed: 10,
      minutes: '',
      papers: [],
      version: 1,
    },
    update: 'meetings.agenda.update',
    stale: 'This agenda item changed.',
    reads: { 'meetings.get': (row) => ({ agenda: [row] }) },
  });
  return { ...main, change: main.changeElsewhere };
}

/** The editor as the agenda tab shows it: its item read from the meeting, which a refresh reads again. */
function Agenda() {
  const detail = useQuery({
    queryKey: meetingKeys.detail(1),
    queryFn: () => call('meetings.get', { id: 1 }) as Promise<{ agenda: AgendaItem[] }>,
  });
  if (!detail.data) return null;
  return <AgendaItemEditor item={detail.data.agenda[0]!} onClose={() => undefined} />;
}

afterEach(() => {
  delete window.concordat;
});

describe('AgendaItemEditor on a stale save', () => {
  it('does not save over minutes recorded meanwhile: Keep mine puts the new title on top and keeps them', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    renderWithQueries(<Agenda />);
    const title = await screen.findByRole('textbox', { name: /Item title/ });
    // The minute-taker records the minutes (another view of the same item) after this editor opened.
    main.change({ minutes: 'Police reported two referrals.' });
    await user.type(title, ' and returns');
    await user.click(screen.getByRole('button', { name: 'Save item' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Agenda item “Referrals” changed somewhere else');
    expect(alert.textContent).toContain('Nothing shown here changed there.');
    expect(main.row()).toMatchObject({ version: 2, title: 'Referrals', minutes: 'Police reported two referrals.' });

    await user.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    expect((screen.getByRole('textbox', { name: /Item title/ }) as HTMLInputElement).value).toBe('Referrals and returns');
    await user.click(screen.getByRole('button', { name: 'Save item' }));
    await waitFor(() => expect(main.row().version).toBe(3));
    expect(main.updates.map((u) => u.version)).toEqual([1, 2]);
    expect(main.row()).toMatchObject({ title: 'Referrals and returns', minutes: 'Police reported two referrals.' });
  });

  it('names a field both changed, and Use theirs shows their title', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    renderWithQueries(<Agenda />);
    const title = await screen.findByRole('textbox', { name: /Item title/ });
    main.change({ title: 'Referrals (NRM)' });
    await user.type(title, ' this quarter');
    await user.click(screen.getByRole('button', { name: 'Save item' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Both versions changed: item title.');
    await user.click(within(alert).getByRole('button', { name: 'Use theirs' }));
    expect((screen.getByRole('textbox', { name: /Item title/ }) as HTMLInputElement).value).toBe('Referrals (NRM)');
    expect(main.updates).toHaveLength(1);
  });
});
