import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingForm } from '../../../renderer/src/meetings/meeting-form';

/** A pretend main with one group and the default marking; records what the form asks to create. */
function fakeMain() {
  const created: Record<string, unknown>[] = [];
  window.concordat = {
    onMenuCommand: () => () => undefined,
    invoke: async (channel: string, payload: unknown) => {
      if (channel === 'settings.get') return { ok: true, value: { defaultMarking: 'OFFICIAL' } };
      if (channel === 'meetings.groups.list')
        return { ok: true, value: [{ id: 3, name: 'Northshire board', kind: 'strategic_board' }] };
      if (channel === 'meetings.create') {
        created.push(payload as Record<string, unknown>);
        return { ok: false, error: { code: 'internal', message: 'Not in this test.' } };
      }
      return { ok: true, value: [] };
    },
  } as unknown as NonNullable<Window['concordat']>;
  return created;
}

afterEach(() => {
  delete window.concordat;
});

describe('MeetingForm on the kit form', () => {
  it('names every missing field, then sends the contract’s trimmed title and the UK times as instants', async () => {
    const created = fakeMain();
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MeetingForm meetingId={null} />
      </QueryClientProvider>,
    );
    const schedule = await screen.findByRole('button', { name: 'Schedule meeting' });
    await screen.findByRole('option', { name: 'Northshire board' });
    await user.click(schedule);
    expect(await screen.findByText('Check the highlighted fields.')).toBeTruthy();
    expect(screen.getByText('Enter a title')).toBeTruthy();
    expect(screen.getByText('Choose the group this meeting belongs to')).toBeTruthy();
    expect(screen.getByText('Enter the date')).toBeTruthy();
    expect(created).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: /^Group/ }), 'Northshire board');
    expect((screen.getByRole('textbox', { name: /^Title/ }) as HTMLInputElement).value).toBe('Northshire board');
    await user.type(screen.getByRole('textbox', { name: /^Title/ }), ' (summer)  ');
    await user.click(screen.getAllByRole('spinbutton')[0]!);
    await user.keyboard('01072027');
    await user.click(schedule);
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      title: 'Northshire board (summer)',
      groupId: 3,
      type: 'strategic_board',
      startsAt: '2027-07-01T10:00:00+01:00',
      endsAt: '2027-07-01T12:00:00+01:00',
      marking: 'OFFICIAL',
      status: 'planned',
    });
  });
});
