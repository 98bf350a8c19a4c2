import { useCallback, useState } from 'react';

const PREFIX = 'concordat.draft.';

/**
 * A form's unsaved edits, kept in this tab's session storage: moving to another record or reloading
 * never loses typing, and coming back shows the draft again until it is saved or discarded.
 */
export function useDraft<T>(
  key: string,
  stored: T | undefined,
): {
  value: T | undefined;
  dirty: boolean;
  set: (next: T) => void;
  clear: () => void;
} {
  const [draft, setDraft] = useState<{ key: string; value: T } | null>(() => readDraft<T>(key));
  const current = draft && draft.key === key ? draft.value : (readDraft<T>(key)?.value ?? null);
  const set = useCallback(
    (next: T) => {
      setDraft({ key, value: next });
      try {
        sessionStorage.setItem(PREFIX + key, JSON.stringify(next));
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
  const value = current ?? stored;
  const dirty = current !== null && stored !== undefined && JSON.stringify(current) !== JSON.stringify(stored);
  return { value, dirty, set, clear };
}

function readDraft<T>(key: string): { key: string; value: T } | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? { key, value: JSON.parse(raw) as T } : null;
  } catch {
    return null;
  }
}
