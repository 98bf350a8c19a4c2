import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { isStale } from './errors';
import { Notice } from './notice';

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

/** A record's editable fields with the stored version they were read at. */
export type Versioned<T> = { version: number; value: T };

/** Which of the named fields differ between two versions of a record, by their labels. */
function changedFields<T extends Fields>(before: T, after: T, labels: Partial<Record<keyof T, string>>) {
  return (Object.keys(labels) as (keyof T)[]).filter((k) => !same(before[k], after[k])).map((k) => labels[k]!);
}

/**
 * Stale-write protection for one form. The form saves on `version` (the version its values were
 * read at). When main refuses a save as stale the form calls `refused`, with the record as it now
 * is or, when the screen is about to reload it anyway, with nothing: the newer version is then taken
 * from `current` once it arrives. The person then keeps their changes merged on top of the stored
 * version (field by field, see mergeEdits, or by `options.merge`) or takes the stored version;
 * either way the form is now based on that version, so the next save goes through unless it moved
 * on again.
 *
 * `current` is the record as the screen last loaded it; `options.base` is what the values being
 * edited were read from when that is older (a draft kept from an earlier visit), so a save based on
 * it is refused and merged three ways rather than written over what changed in between.
 */
export function useStaleWrite<T extends Fields>(
  current: Versioned<T>,
  options: {
    /** The fields the notice names, by label. Without labels it names none. */
    labels?: Partial<Record<keyof T, string>>;
    base?: Versioned<T>;
    /** How mine goes on top of theirs, when field by field is not right (one long text). */
    merge?: (base: T, mine: T, theirs: T) => T;
  } = {},
) {
  const { labels, merge = (b: T, m: T, t: T) => mergeEdits(b, m, t).merged } = options;
  const [base, setBase] = useState<Versioned<T>>(() => options.base ?? current);
  // The same base for callbacks that run before the next render (a draft written as the form resets).
  const latest = useRef(base);
  const currentBase = useCallback(() => latest.current, []);
  // null: not refused; 'loading': refused, waiting for the newer version; or the newer version.
  const [refusal, setRefusal] = useState<'loading' | Versioned<T> | null>(null);
  const theirs = refusal === 'loading' ? (current.version !== base.version ? current : null) : refusal;
  const settle = (next: Versioned<T>) => {
    latest.current = next;
    setBase(next);
    setRefusal(null);
  };
  return {
    /** What this form's values were read from: compare with it to know whether there are unsaved changes. */
    base,
    /** The base as of now, for a callback that runs before the next render (a draft kept as the form resets). */
    currentBase,
    /** The version the next save is based on. */
    version: base.version,
    /** Refused, and the newer version is still loading. */
    pending: refusal === 'loading' && theirs === null,
    /** Refused, with the newer version to merge with or take. */
    theirs: theirs?.value ?? null,
    /** The labelled fields the other save changed (undefined when the form names none). */
    changed: theirs && labels ? changedFields(base.value, theirs.value, labels) : undefined,
    /** The labelled fields both changed differently (mine is kept on Keep mine). */
    conflicts: (mine: T): string[] =>
      theirs ? mergeEdits(base.value, mine, theirs.value).conflicts.map((k) => labels?.[k] ?? String(k)) : [],
    refused: (stored?: Versioned<T>) => setRefusal(stored ?? 'loading'),
    /** Keep mine: my changes on top of theirs, to save on their version. */
    keepMine: (mine: T): Versioned<T> | null => {
      if (!theirs) return null;
      settle(theirs);
      return { version: theirs.version, value: merge(base.value, mine, theirs.value) };
    },
    /** Use theirs: the stored record, mine discarded. */
    takeTheirs: (): T | null => {
      if (!theirs) return null;
      settle(theirs);
      return theirs.value;
    },
    /** The form now shows this stored version: after a save, or when the record moved on while nothing here was edited. */
    rebase: settle,
  };
}

/** What useStaleWrite gives a form. */
export type StaleWrite<T extends Fields> = ReturnType<typeof useStaleWrite<T>>;

/**
 * The stale-write notice for a kit form (ui/form.tsx): Keep mine shows my changes on top of the
 * stored version, still unsaved until the person saves them; Use theirs shows the stored version.
 * While the newer version is loading it says so.
 */
export function FormStaleNotice<T extends Fields & FieldValues>({
  what,
  stale,
  form,
  onMerged,
  onReloaded,
}: {
  what: string;
  stale: StaleWrite<T>;
  form: Pick<UseFormReturn<T>, 'getValues' | 'setValue' | 'reset'>;
  /** After Keep mine has put the merged values in the form: a screen that saves at once does so here. */
  onMerged?: (merged: Versioned<T>) => void;
  /** After Use theirs has put the stored version in the form. */
  onReloaded?: () => void;
}) {
  if (stale.pending) return <Notice tone="info">{what} changed somewhere else; loading that version…</Notice>;
  if (!stale.theirs) return null;
  return (
    <StaleWriteNotice
      what={what}
      changed={stale.changed}
      conflicts={stale.conflicts(form.getValues())}
      onMerge={() => {
        const next = stale.keepMine(form.getValues());
        if (!next) return;
        for (const key of Object.keys(next.value) as Path<T>[])
          form.setValue(key, next.value[key] as PathValue<T, Path<T>>, { shouldDirty: true });
        onMerged?.(next);
      }}
      onReload={() => {
        const theirs = stale.takeTheirs();
        if (!theirs) return;
        form.reset(theirs);
        onReloaded?.();
      }}
    />
  );
}

/**
 * Whether a failed save was refused as stale (the record changed since the form read it) and the
 * record as it now is, from `reload`, went to the form's stale-write notice. False for any other
 * failure, with no `reload` (a new record), or when the record cannot be read again: the form
 * then says what went wrong itself.
 */
export async function refusedAsStale<T>(
  error: unknown,
  stale: { refused: (stored: Versioned<T>) => void },
  reload: (() => Promise<Versioned<T>>) | null,
): Promise<boolean> {
  if (!reload || !isStale(error)) return false;
  try {
    stale.refused(await reload());
    return true;
  } catch {
    return false;
  }
}
