import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/client';
import { isStale } from '../../../renderer/src/ui/errors';
import { StaleWriteNotice, mergeEdits } from '../../../renderer/src/ui/stale-write';

type Minutes = { discussion: string; decisions: string };
type Stored = { version: number; value: Minutes };

/** A pretend store with the refusal main gives: a save based on an older version is refused as stale. */
function makeStore(initial: Minutes) {
  let row: Stored = { version: 1, value: initial };
  return {
    read: (): Stored => structuredClone(row),
    save: async (version: number, value: Minutes): Promise<Stored> => {
      if (version !== row.version) throw new ApiError({ code: 'stale', message: 'These minutes changed since you opened them.' });
      row = { version: row.version + 1, value };
      return structuredClone(row);
    },
  };
}

function MinutesBox({ store, label }: { store: ReturnType<typeof makeStore>; label: string }) {
  const [base, setBase] = useState(store.read());
  const [text, setText] = useState(base.value);
  const [stale, setStale] = useState<{ theirs: Stored; conflicts: string[] } | null>(null);
  const save = async (version: number, value: Minutes) => {
    try {
      const saved = await store.save(version, value);
      setBase(saved);
      setStale(null);
    } catch (e) {
      if (!isStale(e)) throw e;
      const theirs = store.read();
      setStale({ theirs, conflicts: mergeEdits(base.value, value, theirs.value).conflicts });
    }
  };
  return (
    <section aria-label={label}>
      <label>
        Discussion <textarea value={text.discussion} onChange={(e) => setText({ ...text, discussion: e.target.value })} />
      </label>
      <label>
        Decisions <textarea value={text.decisions} onChange={(e) => setText({ ...text, decisions: e.target.value })} />
      </label>
      <button onClick={() => void save(base.version, text)}>Save minutes</button>
      {stale ? (
        <StaleWriteNotice
          what="These minutes"
          conflicts={stale.conflicts}
          onMerge={() => {
            const { merged } = mergeEdits(base.value, text, stale.theirs.value);
            setText(merged);
            setBase(stale.theirs);
            void save(stale.theirs.version, merged);
          }}
          onReload={() => {
            setBase(stale.theirs);
            setText(stale.theirs.value);
            setStale(null);
          }}
        />
      ) : null}
    </section>
  );
}

describe('stale-write refusal', () => {
  it('two views of the same minutes never overwrite each other: the second save is refused and offers merge or reload', async () => {
    const user = userEvent.setup();
    const store = makeStore({ discussion: 'Opened at 10:00.', decisions: '' });
    render(
      <>
        <MinutesBox store={store} label="First window" />
        <MinutesBox store={store} label="Second window" />
      </>,
    );
    const [first, second] = screen.getAllByRole('region');
    const inFirst = (name: string) => first!.querySelector(`label:nth-of-type(${name === 'Discussion' ? 1 : 2}) textarea`)!;
    const inSecond = (name: string) => second!.querySelector(`label:nth-of-type(${name === 'Discussion' ? 1 : 2}) textarea`)!;

    await user.type(inFirst('Decisions'), 'Adopt the ISA.');
    await user.click(first!.querySelector('button')!);
    await waitFor(() => expect(store.read().version).toBe(2));

    await user.type(inSecond('Discussion'), ' Police reported two referrals.');
    await user.click(second!.querySelector('button')!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('These minutes changed somewhere else');
    expect(store.read().value.decisions).toBe('Adopt the ISA.'); // not overwritten

    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(store.read().version).toBe(3));
    expect(store.read().value).toEqual({
      discussion: 'Opened at 10:00. Police reported two referrals.',
      decisions: 'Adopt the ISA.',
    });
  });

  it('Discard mine loads their version', async () => {
    const user = userEvent.setup();
    const store = makeStore({ discussion: 'A', decisions: '' });
    render(<MinutesBox store={store} label="Window" />);
    await store.save(1, { discussion: 'B', decisions: '' });
    await user.type(screen.getAllByRole('textbox')[0]!, 'x');
    await user.click(screen.getByRole('button', { name: 'Save minutes' }));
    await user.click(await screen.findByRole('button', { name: 'Use theirs' }));
    expect((screen.getAllByRole('textbox')[0] as HTMLTextAreaElement).value).toBe('B');
    expect(store.read().value.discussion).toBe('B');
  });

  it('mergeEdits names the fields both sides changed differently', () => {
    const base = { a: '1', b: '1', c: '1' };
    expect(mergeEdits(base, { a: '2', b: '1', c: '3' }, { a: '1', b: '9', c: '4' })).toEqual({
      merged: { a: '2', b: '9', c: '3' },
      conflicts: ['c'],
    });
  });
});
