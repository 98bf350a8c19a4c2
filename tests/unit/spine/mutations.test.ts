import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../renderer/src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const USE_MUTATION = /\buseMutation\s*(<[^>]*>)?\s*\(/g;
const hits = (file: string) => (readFileSync(join(ROOT, file), 'utf8').match(USE_MUTATION) ?? []).length;

// Files still to move their mutations into their area's mutations.ts: none. Keep it empty; a
// screen that needs a change calls a hook from its area's mutations.ts.
const TO_MOVE: readonly string[] = [];

describe('mutations live in each area’s mutations.ts', () => {
  const files = walk(ROOT).map((f) => relative(ROOT, f));

  it('walks the whole renderer, mutations files included', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => f.endsWith('/mutations.ts') && hits(f) > 0).length).toBeGreaterThanOrEqual(6);
  });

  it('no useMutation( outside a mutations.ts', () => {
    const offenders = files
      .filter((f) => !f.endsWith('/mutations.ts') && !TO_MOVE.includes(f))
      .filter((f) => hits(f) > 0)
      .map((f) => `${f} (${hits(f)})`);
    expect(offenders).toEqual([]);
  });

  it('the "to move" list names only files that still call useMutation', () => {
    expect(TO_MOVE.filter((f) => files.includes(f) && hits(f) > 0)).toEqual(TO_MOVE);
  });
});
