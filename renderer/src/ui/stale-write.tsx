import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';

type Fields = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of a record, field by field: what I changed since I read it wins, what they changed
 * is kept, and a field we both changed differently is a conflict (mine is kept, and named).
 */
export function mergeEdits<T extends Fields>(base: T, mine: T, theirs: T): { merged: T; conflicts: (keyof T)[] } {
  const merged: Fields = { ...theirs };
  const conflicts: (keyof T)[] = [];
  for (const key of new Set([...Object.keys(base), ...Object.keys(mine)])) {
    const changedByMe = !same(mine[key], base[key]);
    if (!changedByMe) continue;
    if (!same(theirs[key], base[key]) && !same(theirs[key], mine[key])) conflicts.push(key);
    merged[key] = mine[key];
  }
  return { merged: merged as T, conflicts };
}

/**
 * Shown when main refused a save because the record changed after this screen read it (another
 * window, another view of the same minutes). Nothing is overwritten until the person chooses.
 */
export function StaleWriteNotice({
  what,
  onMerge,
  onReload,
  conflicts = [],
  changed,
}: {
  what: string;
  onMerge: () => void;
  onReload: () => void;
  conflicts?: readonly string[];
  /** The fields the other save changed, by label, when the screen knows them. */
  changed?: readonly string[];
}) {
  // The notice often appears at the foot of a long form, below the fold: bring it into view.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return (
    <div ref={ref} className="notice notice-error stale-write" role="alert">
      <p>
        {what} changed somewhere else since you opened it, so your changes were not saved over it.
        {conflicts.length > 0 ? ` Both versions changed: ${conflicts.join(', ')}.` : ''} Keep mine puts your changes on top of
        theirs; Use theirs discards your changes.
      </p>
      {changed ? (
        <p>{changed.length > 0 ? `Changed there: ${changed.join(', ')}.` : 'Nothing shown here changed there.'}</p>
      ) : null}
      <div className="ui-dialog-actions">
        <Button className="button primary" onPress={onMerge}>
          Keep mine
        </Button>
        <Button className="button" onPress={onReload}>
          Use theirs
        </Button>
      </div>
    </div>
  );
}

/**
 * The version a form's save is based on, and what to do when main refuses it as stale: the form
 * reports the refusal with the record as it now is, and the person keeps theirs merged on top
 * (field by field, see mergeEdits) or takes the stored one. Either way the next save is based on
 * the stored version, so it goes through.
 */
export function useStaleWrite<T extends Fields>(initial: T, initialVersion: number) {
  const [base, setBase] = useState<T>(initial);
  const [version, setVersion] = useState(initialVersion);
  const [stale, setStale] = useState<{ theirs: T; version: number; conflicts: (keyof T)[] } | null>(null);
  return {
    /** What this form last read (compare a draft with it to know whether there are unsaved changes). */
    base,
    version,
    stale,
    refused: (mine: T, theirs: T, theirVersion: number) =>
      setStale({ theirs, version: theirVersion, conflicts: mergeEdits(base, mine, theirs).conflicts }),
    /** The draft to show after "Keep mine". */
    keepMine: (mine: T): T => {
      if (!stale) return mine;
      const { merged } = mergeEdits(base, mine, stale.theirs);
      setBase(stale.theirs);
      setVersion(stale.version);
      setStale(null);
      return merged;
    },
    /** The draft to show after "Use theirs". */
    takeTheirs: (mine: T): T => {
      if (!stale) return mine;
      setBase(stale.theirs);
      setVersion(stale.version);
      setStale(null);
      return stale.theirs;
    },
  };
}

/** Which of the named fields differ between two versions of a record, by their labels. */
function changedFields<T extends Record<string, unknown>>(before: T, after: T, labels: Partial<Record<keyof T, string>>) {
  return (Object.keys(labels) as (keyof T)[])
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => labels[k]!);
}

/**
 * A save refused because the record changed elsewhere: remembers the version the form was filled
 * from, shows what changed once the newer version has loaded, and lets the person keep theirs on top
 * (saved again on the new version) or take the other version. Nothing is overwritten silently.
 */
export function useStaleMerge<T extends Record<string, unknown>>(
  version: number,
  stored: T,
  labels: Partial<Record<keyof T, string>>,
) {
  const [base, setBase] = useState({ version, stored });
  const [stale, setStale] = useState(false);
  const theirs = stale && version !== base.version ? stored : null;
  return {
    baseVersion: base.version,
    refused: () => setStale(true),
    /** After a save: the saved record is the new base (pass it when the form stays open). */
    saved: (next?: { version: number; stored: T }) => {
      if (next) setBase(next);
      setStale(false);
    },
    pending: stale && theirs === null,
    theirs,
    changed: theirs ? changedFields(base.stored, theirs, labels) : [],
    conflicts: (mine: T) => (theirs ? mergeEdits(base.stored, mine, theirs).conflicts.map((k) => labels[k] ?? String(k)) : []),
    merge: (mine: T) => {
      if (!theirs) return null;
      const { merged } = mergeEdits(base.stored, mine, theirs);
      setBase({ version, stored: theirs });
      setStale(false);
      return { merged, version };
    },
    reload: () => {
      if (!theirs) return null;
      setBase({ version, stored: theirs });
      setStale(false);
      return theirs;
    },
  };
}

export function StaleChoice({
  what,
  changed,
  conflicts,
  onKeep,
  onReload,
}: {
  what: string;
  changed: readonly string[];
  conflicts: readonly string[];
  onKeep: () => void;
  onReload: () => void;
}) {
  return <StaleWriteNotice what={what} conflicts={conflicts} changed={changed} onMerge={onKeep} onReload={onReload} />;
}
