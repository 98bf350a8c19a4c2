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
}: {
  what: string;
  onMerge: () => void;
  onReload: () => void;
  conflicts?: readonly string[];
}) {
  return (
    <div className="notice notice-error stale-write" role="alert">
      <p>
        {what} changed somewhere else since you opened it, so your changes were not saved over it.
        {conflicts.length > 0 ? ` Both versions changed: ${conflicts.join(', ')}.` : ''}
      </p>
      <div className="ui-dialog-actions">
        <Button className="button primary" onPress={onMerge}>
          Keep my changes on top of theirs
        </Button>
        <Button className="button" onPress={onReload}>
          Discard mine and load theirs
        </Button>
      </div>
    </div>
  );
}
