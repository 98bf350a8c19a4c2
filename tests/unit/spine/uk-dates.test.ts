import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../renderer/src');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

// A native date input follows the browser's locale (mm/dd/yyyy in Debian's Chromium), so every date
// a coordinator types goes through the kit's DateField, which is day, month, year in en-GB.
const NATIVE_DATE = /type\s*=\s*\{?\s*["'`]date["'`]|type:\s*["'`]date["'`]/g;

describe('dates are typed in UK order everywhere', () => {
  const files = walk(ROOT);

  it('walks the whole renderer', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('no screen uses a native date input', () => {
    const offenders = files
      .map((f) => ({ file: relative(ROOT, f), hits: (readFileSync(f, 'utf8').match(NATIVE_DATE) ?? []).length }))
      .filter((x) => x.hits > 0)
      .map((x) => `${x.file} (${x.hits})`);
    expect(offenders).toEqual([]);
  });
});
