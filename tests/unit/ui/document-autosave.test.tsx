import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { DocumentDraft } from '../../../renderer/src/documents/mutations';
import { useDocumentAutosave } from '../../../renderer/src/documents/mutations';

const stored = {
  id: 3,
  title: 'Terms of reference',
  values: {},
  reviewDate: null,
  marking: 'OFFICIAL',
  revision: 4,
} as unknown as DocumentDetail;

type Update = { revision: number; title: string };

/** A pretend main that keeps a revision and refuses a save based on an older one, answering when told to. */
function fakeMain() {
  let revision = stored.revision;
  const updates: Update[] = [];
  const sent: Update[] = [];
  const held: (() => void)[] = [];
  let hold = false;
  window.concordat = {
    onMenuCommand: () => () => undefined,
    invoke: (channel: string, payload: unknown) => {
      if (channel !== 'documents.update') return Promise.resolve({ ok: true, value: [] });
      const p = payload as Update;
      sent.push(p);
      const answer = () => {
        updates.push(p);
        if (p.revision !== revision)
          return { ok: false, error: { code: 'stale', message: 'This document was changed in another window.' } };
        revision += 1;
        return { ok: true, value: { revision, updatedAt: '2026-12-02T10:00:00.000Z' } };
      };
      if (!hold) return Promise.resolve(answer());
      return new Promise((resolve) => held.push(() => resolve(answer())));
    },
  } as unknown as NonNullable<Window['concordat']>;
  return {
    updates,
    sent,
    hold: () => (hold = true),
    release: () => {
      hold = false;
      held.splice(0).forEach((go) => go());
    },
    changedElsewhere: () => (revision += 1),
  };
}

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const onError = vi.fn();
  const hook = renderHook(() => useDocumentAutosave(stored.id, stored, onError), { wrapper });
  return { ...hook, onError };
}

const typed = (title: string): DocumentDraft => ({ title, values: {}, reviewDate: null, marking: 'OFFICIAL' });

afterEach(() => {
  delete window.concordat;
  vi.useRealTimers();
});

describe('the document editor’s autosave', () => {
  it('shows the stored document until the first change, then saves what was typed once typing pauses', async () => {
    const main = fakeMain();
    vi.useFakeTimers();
    const { result } = setup();
    expect(result.current.draft?.title).toBe('Terms of reference');
    act(() => result.current.change(typed('Terms of reference 2027')));
    expect(result.current.saveState).toBe('unsaved');
    expect(result.current.draft?.title).toBe('Terms of reference 2027');
    await act(async () => vi.advanceTimersByTimeAsync(300));
    expect(main.updates).toEqual([]);
    await act(async () => vi.advanceTimersByTimeAsync(500));
    expect(main.updates.map((u) => [u.revision, u.title])).toEqual([[4, 'Terms of reference 2027']]);
    expect(result.current.saveState).toBe('saved');
  });

  it('waits for a save under way, so the next is based on the revision it answered and is not refused', async () => {
    const main = fakeMain();
    const { result } = setup();
    main.hold();
    act(() => result.current.change(typed('First')));
    let first!: Promise<void>;
    act(() => void (first = result.current.flush()));
    await waitFor(() => expect(result.current.saveState).toBe('saving'));
    act(() => result.current.change(typed('Second')));
    let second!: Promise<void>;
    act(() => void (second = result.current.flush()));
    // The second waits for the first: it has not been sent while the first is unanswered.
    expect(main.sent.map((u) => u.title)).toEqual(['First']);
    main.release();
    await act(async () => {
      await first;
      await second;
    });
    expect(main.updates.map((u) => [u.revision, u.title])).toEqual([
      [4, 'First'],
      [5, 'Second'],
    ]);
    expect(result.current.saveState).toBe('saved');
  });

  it('keeps what was typed when main refuses a stale save, and says why', async () => {
    const main = fakeMain();
    main.changedElsewhere();
    const { result, onError } = setup();
    act(() => result.current.change(typed('Mine')));
    await act(() => result.current.flush());
    expect(result.current.saveState).toBe('error');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'This document was changed in another window.' }));
    expect(result.current.draft?.title).toBe('Mine');
    // Nothing is dropped: the next flush tries the same text again.
    await act(() => result.current.flush());
    expect(main.updates.map((u) => u.title)).toEqual(['Mine', 'Mine']);
  });

  it('saves what was typed when the editor is left before the pause', async () => {
    const main = fakeMain();
    const { result, unmount } = setup();
    act(() => result.current.change(typed('Typed just before leaving')));
    unmount();
    await waitFor(() => expect(main.updates.map((u) => u.title)).toEqual(['Typed just before leaving']));
  });
});
