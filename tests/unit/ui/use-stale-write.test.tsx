import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/client';
import { isStale } from '../../../renderer/src/ui/errors';
import type { Versioned } from '../../../renderer/src/ui/stale-write';
import { StaleWriteNotice, useStaleWrite } from '../../../renderer/src/ui/stale-write';

type Org = { name: string; phone: string; notes: string };
const labels = { name: 'Name', phone: 'Phone', notes: 'Notes' };

/** A pretend main: a save based on an older version is refused as stale; `change` is another window saving. */
function makeStore(initial: Org) {
  let row: Versioned<Org> = { version: 1, value: initial };
  const saves: number[] = [];
  return {
    saves,
    read: (): Versioned<Org> => structuredClone(row),
    change: (value: Partial<Org>) => (row = { version: row.version + 1, value: { ...row.value, ...value } }),
    save: async (version: number, value: Org): Promise<Versioned<Org>> => {
      saves.push(version);
      if (version !== row.version)
        throw new ApiError({ code: 'stale', message: 'This organisation changed since you opened it.' });
      row = { version: row.version + 1, value };
      return structuredClone(row);
    },
  };
}
type Store = ReturnType<typeof makeStore>;

/**
 * A form on the hook, as the screens use it. `refusal: 'given'` reads the stored record on a refusal
 * (the meetings forms); 'reload' leaves it to the screen's query, here the Reload button (partners, settings).
 */
function OrgForm({
  store,
  refusal,
  draft,
}: {
  store: Store;
  refusal: 'given' | 'reload';
  draft?: { base: Versioned<Org>; value: Org };
}) {
  const [current, setCurrent] = useState(() => store.read());
  const stale = useStaleWrite(current, { labels, base: draft?.base });
  const [mine, setMine] = useState(() => draft?.value ?? current.value);
  const save = async (version: number, value: Org) => {
    try {
      const saved = await store.save(version, value);
      stale.rebase(saved);
      setCurrent(saved);
      setMine(saved.value);
    } catch (e) {
      if (!isStale(e)) throw e;
      stale.refused(refusal === 'given' ? store.read() : undefined);
    }
  };
  return (
    <form aria-label="Organisation" onSubmit={(e) => (e.preventDefault(), void save(stale.version, mine))}>
      {(Object.keys(labels) as (keyof Org)[]).map((k) => (
        <label key={k}>
          {labels[k]} <input value={mine[k]} onChange={(e) => setMine({ ...mine, [k]: e.target.value })} />
        </label>
      ))}
      <button type="submit">Save</button>
      <button type="button" onClick={() => setCurrent(store.read())}>
        Reload
      </button>
      {stale.pending ? <p>Loading that version…</p> : null}
      {stale.theirs ? (
        <StaleWriteNotice
          what="This organisation"
          changed={stale.changed}
          conflicts={stale.conflicts(mine)}
          onMerge={() => {
            const next = stale.keepMine(mine);
            if (next) setMine(next.value);
          }}
          onReload={() => {
            const theirs = stale.takeTheirs();
            if (theirs) setMine(theirs);
          }}
        />
      ) : null}
    </form>
  );
}

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const start = { name: 'Harbour Refuge', phone: '', notes: '' };

describe('useStaleWrite', () => {
  it('refuses a save based on an older version, overwrites nothing and names what changed there', async () => {
    const user = userEvent.setup();
    const store = makeStore(start);
    render(<OrgForm store={store} refusal="given" />);
    store.change({ phone: '01632 960555' });
    await user.type(field('Notes'), 'Runs the safe house referrals.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This organisation changed somewhere else');
    expect(alert.textContent).toContain('Changed there: Phone.');
    expect(alert.textContent).not.toContain('Both versions changed');
    expect(store.saves).toEqual([1]);
    expect(store.read()).toEqual({ version: 2, value: { ...start, phone: '01632 960555' } });
  });

  it('Keep mine puts my fields on top of theirs, and the next save goes on their version', async () => {
    const user = userEvent.setup();
    const store = makeStore(start);
    render(<OrgForm store={store} refusal="given" />);
    store.change({ phone: '01632 960555' });
    await user.type(field('Notes'), 'Runs the safe house referrals.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Keep mine' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect([field('Notes').value, field('Phone').value]).toEqual(['Runs the safe house referrals.', '01632 960555']);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.read().version).toBe(3));
    expect(store.saves).toEqual([1, 2]);
    expect(store.read().value).toEqual({ ...start, phone: '01632 960555', notes: 'Runs the safe house referrals.' });
  });

  it('Use theirs discards mine; a later edit saves on their version', async () => {
    const user = userEvent.setup();
    const store = makeStore(start);
    render(<OrgForm store={store} refusal="given" />);
    store.change({ notes: 'Theirs.' });
    await user.type(field('Notes'), 'Mine.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(await screen.findByRole('button', { name: 'Use theirs' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field('Notes').value).toBe('Theirs.');
    expect(store.read().version).toBe(2);
    await user.type(field('Name'), ' Trust');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.read().version).toBe(3));
    expect(store.read().value).toEqual({ ...start, name: 'Harbour Refuge Trust', notes: 'Theirs.' });
  });

  it('names the fields both changed differently; Keep mine keeps mine there and theirs elsewhere', async () => {
    const user = userEvent.setup();
    const store = makeStore(start);
    render(<OrgForm store={store} refusal="given" />);
    store.change({ phone: '01632 960000', notes: 'Theirs.' });
    await user.type(field('Phone'), '01632 960555');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Both versions changed: Phone.');
    expect(alert.textContent).toContain('Changed there: Phone, Notes.');
    await user.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    expect([field('Phone').value, field('Notes').value]).toEqual(['01632 960555', 'Theirs.']);
  });

  it('refused without the newer version, waits for the screen to load it, then offers the choice', async () => {
    const user = userEvent.setup();
    const store = makeStore(start);
    render(<OrgForm store={store} refusal="reload" />);
    store.change({ phone: '01632 960555' });
    await user.type(field('Notes'), 'Mine.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Loading that version…')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Changed there: Phone.');
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.read().version).toBe(3));
    expect(store.read().value).toEqual({ ...start, phone: '01632 960555', notes: 'Mine.' });
  });

  it('a draft edited from an older version saves on that version, so it is refused and merged three ways', async () => {
    const user = userEvent.setup();
    const store = makeStore(start);
    const base = store.read();
    // Edited at version 1 and kept; meanwhile the phone was saved elsewhere and the screen loads version 2.
    store.change({ phone: '01632 960555' });
    render(<OrgForm store={store} refusal="reload" draft={{ base, value: { ...start, notes: 'Mine.' } }} />);
    expect(field('Phone').value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(store.saves).toEqual([1]);
    expect(store.read().value.phone).toBe('01632 960555');
    expect(alert.textContent).toContain('Changed there: Phone.');
    expect(alert.textContent).not.toContain('Both versions changed');
    await user.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    expect([field('Notes').value, field('Phone').value]).toEqual(['Mine.', '01632 960555']);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.read().version).toBe(3));
    expect(store.read().value).toEqual({ ...start, phone: '01632 960555', notes: 'Mine.' });
  });
});
