import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonInput } from '../../../shared/partners/domain';
import { PersonForm } from '../../../renderer/src/partners/forms';
import { fakeVersionedMain, renderWithQueries } from '../../helpers/fake-main';

type Row = PersonInput & { id: number; version: number };

/** A pretend main holding one person; a save based on an older version is refused as stale, as main does. */
function fakeMain() {
  const main = fakeVersionedMain<Row>({
    row: {
      id: 5,
      version: 1,
      name: 'Ada Lovelace',
      pronouns: '',
      notes: '',
      source: '',
      lawfulBasis: '',
      lastVerified: null,
    },
    update: 'partners.people.update',
    stale: 'This person’s record changed since you opened it.',
    apply: (row, p) => ({ ...row, ...(p.value as PersonInput) }),
  });
  return { ...main, change: main.changeElsewhere };
}

function open(row: Row, done: (id: number) => void = () => undefined) {
  const { id, version, ...stored } = row;
  return renderWithQueries(<PersonForm id={id} version={version} stored={stored} done={done} />);
}

afterEach(() => {
  delete window.concordat;
  sessionStorage.clear();
});

describe('PersonForm with a draft kept from an earlier visit', () => {
  it('saves the draft on the version it was edited from, so a change made elsewhere meanwhile is refused, not overwritten', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    const first = open(main.row());
    await user.type(screen.getByRole('textbox', { name: 'Pronouns' }), 'she/her');
    first.unmount(); // leave without saving: the draft is kept

    main.change({ notes: 'Prefers email.' });
    let saved: number | null = null;
    open(main.row(), (id) => (saved = id));
    // The draft is shown again, as it was typed.
    expect((screen.getByRole('textbox', { name: 'Pronouns' }) as HTMLInputElement).value).toBe('she/her');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save person' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This person’s record changed somewhere else');
    expect(alert.textContent).toContain('Changed there: Notes.');
    expect(alert.textContent).not.toContain('Both versions changed');
    expect(main.updates.map((u) => u.version)).toEqual([1]);
    expect(main.row()).toMatchObject({ version: 2, pronouns: '', notes: 'Prefers email.' });

    // Keep mine, merged from the draft's base: my pronouns, their notes, saved on their version.
    await user.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(main.row().version).toBe(3));
    expect(main.updates.map((u) => u.version)).toEqual([1, 2]);
    expect(main.row()).toMatchObject({ pronouns: 'she/her', notes: 'Prefers email.' });
    expect(saved).toBe(5);
    expect(sessionStorage.length).toBe(0);
  });

  it('Use theirs drops the draft: the form shows the stored record and nothing is saved', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    const first = open(main.row());
    await user.type(screen.getByRole('textbox', { name: 'Pronouns' }), 'she/her');
    first.unmount();
    main.change({ pronouns: 'they/them' });
    open(main.row());
    await user.click(screen.getByRole('button', { name: 'Save person' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Both versions changed: Pronouns.');
    await user.click(within(alert).getByRole('button', { name: 'Use theirs' }));
    expect((screen.getByRole('textbox', { name: 'Pronouns' }) as HTMLInputElement).value).toBe('they/them');
    expect(main.row()).toMatchObject({ version: 2, pronouns: 'they/them' });
    expect(sessionStorage.length).toBe(0);
  });

  it('a draft with no edits of its own gives way to the stored record', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    const first = open(main.row());
    const box = screen.getByRole('textbox', { name: 'Pronouns' });
    await user.type(box, 'x');
    await user.clear(box);
    first.unmount();
    main.change({ pronouns: 'they/them' });
    open(main.row());
    expect((screen.getByRole('textbox', { name: 'Pronouns' }) as HTMLInputElement).value).toBe('they/them');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });
});
