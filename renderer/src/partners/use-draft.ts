import { useCallback, useState } from 'react';
import type { Versioned } from '../ui/stale-write';

const PREFIX = 'concordat.draft.';

/** What is kept: the edited values and the stored record they were edited from. */
type Kept<T> = { value: T; base: Versioned<T> };

/**
 * A form's unsaved edits, kept in this tab's session storage: moving to another record or reloading
 * never loses typing, and coming back shows the draft again until it is saved or discarded.
 *
 * The draft keeps the version it was edited from (`base`), and the form saves on that version: if
 * the record was changed elsewhere in between, main refuses the save and the form offers to merge
 * (three ways, from the draft's base) or take the stored record, instead of writing over it.
 */
export function useDraft<T>(
  key: string,
  stored: Versioned<T>,
): {
  value: T;
  /** What the shown values were edited from: the draft's base, or the stored record when there is no draft. */
  base: Versioned<T>;
  dirty: boolean;
  set: (next: T, base: Versioned<T>) => void;
  clear: () => void;
} {
  const [draft, setDraft] = useState<{ key: string; kept: Kept<T> } | null>(() => readDraft<T>(key));
  const current = draft && draft.key === key ? draft.kept : (readDraft<T>(key)?.kept ?? null);
  const set = useCallback(
    (next: T, base: Versioned<T>) => {
      const kept = { value: next, base };
      setDraft({ key, kept });
      try {
        sessionStorage.setItem(PREFIX + key, JSON.stringify(kept));
      } catch {
        // Storage full or unavailable: the draft still lives in memory.
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    sessionStorage.removeItem(PREFIX + key);
    setDraft(null);
  }, [key]);
  // A draft with no edits of its own is no draft: the stored record (perhaps newer) shows instead.
  const edited = current !== null && !same(current.value, current.base.value) ? current : null;
  return {
    value: edited?.value ?? stored.value,
    base: edited?.base ?? stored,
    dirty: edited !== null,
    set,
    clear,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function readDraft<T>(key: string): { key: string; kept: Kept<T> } | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    const kept = raw ? (JSON.parse(raw) as Partial<Kept<T>>) : null;
    // Anything else (a draft from before drafts kept their base) is dropped rather than saved blind.
    if (!kept || !('value' in kept) || typeof kept.base?.version !== 'number') return null;
    return { key, kept: kept as Kept<T> };
  } catch {
    return null;
  }
}
