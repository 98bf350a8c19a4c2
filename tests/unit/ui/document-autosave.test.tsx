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

type Update = { revision: number; title: string; values: Record<string, unknown> };

/** A pretend main that keeps a revision and refuses a save based on an older one, answering when told to. */
function fakeMain() {
  let revision = stored.revision;
  let elsewhere = stored;
  const updates: Update[] = [];
  const sent: Update[] = [];
  const held: (() => void)[] = [];
  let hold = false;
  window.concordat = {
    onMenuCommand: () => () => undefined,
    invoke: (channel: string, payload: unknown) => {
      if (channel === 'documents.get') return Promise.resolve({ ok: true, value: { ...elsewhere, revision } });
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
    /** Another window saves the document. */
    changedElsewhere: (change: Partial<DocumentDetail> = {}) => {
      revision += 1;
      elsewhere = { ...elsewhere, ...change };
    },
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

const typed = (title: string, values: Record<string, unknown> = {}): DocumentDraft => ({
  title,
  values,
  reviewDate: null,
  marking: 'OFFICIAL',
});

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

  it('keeps what was typed when main refuses a stale save, and offers the version saved elsewhere instead of writing over it', async () => {
    const main = fakeMain();
    main.changedElsewhere({ title: 'Their title', values: { scope: 'Theirs' } });
    const { result, onError } = setup();
    act(() => result.current.change(typed('My title', { purpose: 'Mine' })));
    await act(() => result.current.flush());
    expect(result.current.saveState).toBe('error');
    expect(onError).not.toHaveBeenCalled();
    expect(result.current.draft?.title).toBe('My title');
    // Both changed the title; only they changed the scope, only I the purpose.
    expect(result.current.conflict?.theirs.revision).toBe(5);
    expect(result.current.conflict?.conflicts).toEqual(['title']);

    // Keep mine: my edits on top of theirs, saved on their revision.
    await act(async () => result.current.keepMine());
    await waitFor(() => expect(result.current.saveState).toBe('saved'));
    expect(result.current.conflict).toBeNull();
    expect(main.updates.map((u) => [u.revision, u.title, u.values])).toEqual([
      [4, 'My title', { purpose: 'Mine' }],
      [5, 'My title', { scope: 'Theirs', purpose: 'Mine' }],
    ]);
  });

  it('shows the version saved elsewhere, and saves nothing, when the coordinator takes theirs', async () => {
    const main = fakeMain();
    main.changedElsewhere({ title: 'Their title' });
    const { result } = setup();
    act(() => result.current.change(typed('My title')));
    await act(() => result.current.flush());
    await waitFor(() => expect(result.current.conflict).not.toBeNull());
    act(() => result.current.takeTheirs());
    expect(result.current.draft?.title).toBe('Their title');
    expect(result.current.saveState).toBe('saved');
    // The next edit is based on their revision, so it is not refused.
    act(() => result.current.change(typed('Their title, edited')));
    await act(() => result.current.flush());
    expect(main.updates.map((u) => [u.revision, u.title])).toEqual([
      [4, 'My title'],
      [5, 'Their title, edited'],
    ]);
    expect(result.current.saveState).toBe('saved');
  });

  it('says why when a save fails for another reason, and keeps the text for the next try', async () => {
    fakeMain();
    const { result, onError } = setup();
    window.concordat!.invoke = (() =>
      Promise.resolve({ ok: false, error: { code: 'internal', message: 'The disk is full.' } })) as never;
    act(() => result.current.change(typed('Mine')));
    await act(() => result.current.flush());
    expect(result.current.saveState).toBe('error');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'The disk is full.' }));
    expect(result.current.conflict).toBeNull();
    expect(result.current.draft?.title).toBe('Mine');
  });

  it('saves what was typed when the editor is left before the pause', async () => {
    const main = fakeMain();
    const { result, unmount } = setup();
    act(() => result.current.change(typed('Typed just before leaving')));
    unmount();
    await waitFor(() => expect(main.updates.map((u) => u.title)).toEqual(['Typed just before leaving']));
  });
});
