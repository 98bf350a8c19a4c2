import type { Database } from 'better-sqlite3';
import type { Matcher } from '../../shared/privacy/matcher';
import { snippets } from '../../shared/privacy/matcher';
import type { ErasureMatch } from '../../shared/privacy/model';

/**
 * A text column an area scrubs when a person is erased. Areas declare these so a test can check that
 * every TEXT column in the schema is either scrubbed or exempted with a reason.
 */
export type ScrubColumn = {
  table: string;
  column: string;
  /** The field in words, for the preview. */
  label: string;
  /**
   * SQL giving `record` (a readable name for the row) and, where the table has them, `createdAt`
   * and `updatedAt`; one bound parameter, the rowid.
   */
  describe?: string;
};

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
};

/**
 * The matcher's fast check as an SQL function, so rows that cannot match are skipped inside
 * SQLite without being read into JavaScript. Registered once per connection; `active` is the
 * matcher of the scan in progress (scans are synchronous, so one is active at a time).
 */
let active: Matcher | null = null;
const registered = new WeakSet<Database>();

function selectCandidates(db: Database, c: ScrubColumn, matcher: Matcher): { rowId: number; value: unknown }[] {
  if (!registered.has(db)) {
    db.function('concordat_might_match', { deterministic: false }, (v: unknown) =>
      typeof v === 'string' && active !== null && active.mightMatch(v) ? 1 : 0,
    );
    registered.add(db);
  }
  active = matcher;
  try {
    return db
      .prepare(
        `SELECT rowid AS rowId, ${ident(c.column)} AS value FROM ${ident(c.table)} WHERE concordat_might_match(${ident(c.column)})`,
      )
      .all() as { rowId: number; value: unknown }[];
  } finally {
    active = null;
  }
}

type Described = { record: string | null; createdAt?: string | null; updatedAt?: string | null };

/** Every row of the given columns whose text names the person, with snippets. Reads only. */
export function findInColumns(
  db: Database,
  area: string,
  columns: readonly ScrubColumn[],
  matcher: Matcher,
  { fullText = false } = {},
): ErasureMatch[] {
  if (matcher.empty) return [];
  const out: ErasureMatch[] = [];
  for (const c of columns) {
    const rows = selectCandidates(db, c, matcher);
    const describe = c.describe ? db.prepare(c.describe) : null;
    for (const r of rows) {
      if (typeof r.value !== 'string' || !matcher.mightMatch(r.value)) continue;
      const text = readable(r.value);
      const found = matcher.find(text);
      if (found.length === 0) continue;
      const d = (describe?.get(r.rowId) as Described | undefined) ?? { record: null };
      out.push({
        area,
        table: c.table,
        column: c.column,
        rowId: r.rowId,
        label: c.label,
        record: d.record ?? `${c.table} ${r.rowId}`,
        createdAt: d.createdAt ?? null,
        updatedAt: d.updatedAt ?? null,
        kinds: [...new Set(found.map((f) => f.kind))],
        count: found.length,
        snippets: snippets(text, found).slice(0, 5),
        ...(fullText ? { text } : {}),
      });
    }
  }
  return out;
}

/** JSON columns are read as the strings they hold, so a snippet shows text rather than escapes. */
function readable(value: string): string {
  const t = value.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return value;
  try {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(value));
    return strings.join('\n');
  } catch {
    return value;
  }
}

/** Replace every match in the given columns. Returns the rowids changed, per table. Call inside a transaction. */
export function scrubColumns(db: Database, columns: readonly ScrubColumn[], matcher: Matcher): Map<string, Set<number>> {
  const changed = new Map<string, Set<number>>();
  if (matcher.empty) return changed;
  for (const c of columns) {
    const rows = selectCandidates(db, c, matcher);
    const update = db.prepare(`UPDATE ${ident(c.table)} SET ${ident(c.column)} = ? WHERE rowid = ?`);
    for (const r of rows) {
      if (typeof r.value !== 'string') continue;
      const next = matcher.scrubStored(r.value);
      if (next === r.value) continue;
      update.run(next, r.rowId);
      let set = changed.get(c.table);
      if (!set) changed.set(c.table, (set = new Set()));
      set.add(r.rowId);
    }
  }
  return changed;
}
