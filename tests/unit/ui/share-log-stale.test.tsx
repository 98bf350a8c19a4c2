import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ShareDecision } from '../../../shared/meetings/model';
import { ShareLog } from '../../../renderer/src/meetings/share-log';
import { fakeVersionedMain, renderWithQueries } from '../../helpers/fake-main';

const stored: ShareDecision = {
  id: 4,
  meetingId: 9,
  meetingTitle: 'Partnership board',
  information: 'Address of a potential victim',
  purpose: 'Safeguarding visit',
  recipients: 'Adult social care',
  sharedOn: '2026-11-20',
  justification: 'Risk of serious harm',
  consentSought: true,
  noConsentReason: '',
  decidedBy: 'Chair',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  version: 1,
};

/** A pretend main holding one decision to share, recorded at meeting 9. */
function fakeMain() {
  const main = fakeVersionedMain<ShareDecision>({
    row: { ...stored },
    update: 'meetings.share.update',
    stale: 'This decision to share changed since you opened it.',
    reads: { 'meetings.share.list': (row) => [row] },
  });
  /** Someone else saves the decision (another window): a new version with other recipients. */
  const changeElsewhere = () => main.changeElsewhere({ recipients: 'Adult social care and the police' });
  return { ...main, changeElsewhere };
}

afterEach(() => {
  delete window.concordat;
});

async function openTheDecision() {
  const user = userEvent.setup();
  renderWithQueries(<ShareLog />);
  await user.click(await screen.findByRole('button', { name: '20 November 2026' }));
  await screen.findByRole('form', { name: 'Decision to share' });
  return user;
}

const box = (name: string) => screen.getByRole('textbox', { name: new RegExp(`^${name}`) }) as HTMLTextAreaElement;

describe('ShareEditor', () => {
  it('saves an edit on the version it was read at, keeping the meeting it was recorded at', async () => {
    const main = fakeMain();
    const user = await openTheDecision();
    await user.type(box('Justification'), ' to the victim');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    await waitFor(() => expect(main.row().version).toBe(2));
    expect(main.updates).toEqual([
      expect.objectContaining({ id: 4, version: 1, meetingId: 9, justification: 'Risk of serious harm to the victim' }),
    ]);
    expect(await screen.findByText('Decision to share recorded.')).toBeTruthy();
  });

  it('refuses a save based on an older version and offers Keep mine, which saves mine on top of theirs', async () => {
    const main = fakeMain();
    const user = await openTheDecision();
    main.changeElsewhere();
    await user.type(box('Justification'), ' to the victim');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This decision to share changed somewhere else');
    expect(alert.textContent).toContain('Changed there: with whom.');
    expect(main.row().version).toBe(2);
    expect(main.row().justification).toBe('Risk of serious harm');
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    expect(box('Justification').value).toBe('Risk of serious harm to the victim');
    expect(box('With whom').value).toBe('Adult social care and the police');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    await waitFor(() => expect(main.row().version).toBe(3));
    expect(main.updates.at(-1)).toMatchObject({
      version: 2,
      meetingId: 9,
      justification: 'Risk of serious harm to the victim',
      recipients: 'Adult social care and the police',
    });
  });

  it('offers Use theirs, which discards my change and shows the stored decision', async () => {
    const main = fakeMain();
    const user = await openTheDecision();
    main.changeElsewhere();
    await user.type(box('Justification'), ' to the victim');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: 'Use theirs' }));
    expect(box('Justification').value).toBe('Risk of serious harm');
    expect(box('With whom').value).toBe('Adult social care and the police');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(main.row().version).toBe(2);
  });
});
