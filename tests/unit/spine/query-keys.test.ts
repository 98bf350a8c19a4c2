import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../renderer/src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/**
 * A key written out where it is used (an array starting with a literal) rather than taken from an
 * area's key factory in <area>/queries.ts. Keys composed from a factory key (`[...key, page]`, as
 * the data table and the picker do) are not inline.
 */
const INLINE = /(queryKey\s*[:=]\s*\{?\s*\[\s*['"`]|QueryData\s*\(\s*\[\s*['"`]|QueryData<[^>]*>\s*\(\s*\[\s*['"`])/g;

// To move: files whose keys another branch (meetings, documents, toolkit) is moving onto their
// area's key factory as this one lands. Empty this list at merge; nothing may be added to it.
const TO_MOVE: readonly string[] = [];

describe('query keys come from key factories', () => {
  const files = walk(ROOT).filter((f) => !f.endsWith('/queries.ts'));

  it('walks the whole renderer', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no inline query-key literal outside */queries.ts', () => {
    const offenders = files
      .map((f) => ({ file: relative(ROOT, f), hits: (readFileSync(f, 'utf8').match(INLINE) ?? []).length }))
      .filter((x) => x.hits > 0 && !TO_MOVE.includes(x.file))
      .map((x) => `${x.file} (${x.hits})`);
    expect(offenders).toEqual([]);
  });

  it('the "to move" list names only files that still need it', () => {
    const stillInline = TO_MOVE.filter((f) => (readFileSync(join(ROOT, f), 'utf8').match(INLINE) ?? []).length > 0);
    expect(stillInline).toEqual(TO_MOVE);
  });
});
