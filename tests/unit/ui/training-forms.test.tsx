import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as Client from '../../../renderer/src/api/client';

const calls: { channel: string; payload: unknown }[] = [];
const ANSWERS: Record<string, unknown> = {
  'toolkit.training.matrix': { courses: [], organisations: [], refreshersDue: [] },
  'toolkit.training.courses.list': [
    { id: 3, title: 'Awareness', provider: '', format: '', audience: [], cost: 'free', refresherMonths: null, url: '' },
  ],
  'toolkit.training.records.list': [],
  'directory.organisations.search': [{ id: 5, name: 'Northshire Police' }],
  'toolkit.training.delegates.add': { delegates: 12, organisationName: 'Northshire Police' },
};
vi.mock('../../../renderer/src/api/client', async (original) => ({
  ...(await original<typeof Client>()),
  call: vi.fn(async (channel: string, payload: unknown) => {
    calls.push({ channel, payload });
    if (!(channel in ANSWERS)) throw new Error(`unexpected ${channel}`);
    return ANSWERS[channel];
  }),
}));

const { TrainingScreen } = await import('../../../renderer/src/toolkit/training');

describe('counting delegates', () => {
  it('explains what is missing instead of sending, then sends the count as the contract wants it', async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <TrainingScreen />
      </QueryClientProvider>,
    );
    const form = screen.getByRole('form', { name: 'Count delegates without naming them' });
    await user.click(within(form).getByRole('button', { name: 'Add count' }));
    expect(await within(form).findByText('Choose the organisation. Choose a course.')).toBeTruthy();
    expect(within(form).getByText('Enter how many delegates came, as a number.')).toBeTruthy();
    expect(calls.some((c) => c.channel === 'toolkit.training.delegates.add')).toBe(false);

    await user.type(within(form).getByRole('combobox', { name: 'Organisation' }), 'North');
    await user.click(await screen.findByRole('option', { name: /Northshire Police/ }));
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Awareness' })).toBeTruthy());
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Course' }), 'Awareness');
    await user.type(within(form).getByRole('textbox', { name: /Delegates/ }), '12');
    await user.click(within(form).getByRole('button', { name: 'Add count' }));
    await waitFor(() => expect(calls.some((c) => c.channel === 'toolkit.training.delegates.add')).toBe(true));
    const sent = calls.find((c) => c.channel === 'toolkit.training.delegates.add')!.payload as Record<string, unknown>;
    expect(sent).toMatchObject({ organisationId: 5, courseId: 3, delegates: 12 });
    expect(sent.trainedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByText('Counted 12 delegates from Northshire Police.')).toBeTruthy();
  });
});
