import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../main/partners/import';
import { getPersonDetail } from '../../../main/partners/people';
import { searchDirectory } from '../../../main/partners/search-index';
import { decodeCsvFile } from '../../../shared/partners/csv-file';
import { createTestApp } from '../../helpers/db';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/csv', name));
const text = (name: string) => decodeCsvFile(fixture(name)).text;

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const preview = (t: string) => previewImport(app.db, t, null);
const commit = (t: string, skipBadRows = false) =>
  commitImport(app.db, t, { mapping: preview(t).mapping, skipBadRows, duplicates: {} });
const names = () => app.db.prepare('SELECT name FROM people ORDER BY id').pluck().all();

describe('CSV import: faults found by probing', () => {
  it('a quote that closes three lines later is one flagged row, with its lines, not a silent merge', () => {
    const p = preview(text('quote-closes-later.csv'));
    expect(p.badRows).toEqual([
      {
        line: 3,
        reasons: [expect.stringMatching(/"Organisation" cell runs over 3 lines \(lines 3 to 5\); a quotation mark/)],
      },
    ]);
    expect(p.sample.map((s) => [s.line, s.name])).toEqual([
      [2, 'Anna Berg'],
      [6, 'Eve Li'],
    ]);
    expect(() => commit(text('quote-closes-later.csv'))).toThrow(/1 row has a problem/);
    expect(names()).toEqual([]);
  });

  it('a stray LF or CR in a CRLF file ends the row; a line break inside quotes stays in the cell', () => {
    const p = preview(text('stray-cr-lf-in-crlf.csv'));
    expect(p.sample.map((s) => [s.line, s.name, s.organisation])).toEqual([
      [2, 'Anna Berg', 'Council'],
      [3, 'Ben Cole', 'Police'],
      [4, 'Cara Diaz', 'NHS'],
      [5, 'Dev Rao', 'Fire'],
      [6, 'Eve Li', 'Refuge'],
    ]);
    // Fay's organisation runs over two lines: flagged, not merged into anyone.
    expect(p.badRows).toEqual([{ line: 7, reasons: [expect.stringMatching(/runs over 2 lines \(lines 7 to 8\)/)] }]);
  });

  it('reports cells beyond the last column and repeated column names', () => {
    const p = preview(text('extra-cells-duplicate-headers.csv'));
    expect(p.warnings).toEqual([expect.stringMatching(/Columns 2 and 4 are both called "Email"\. Only column 2 is imported/)]);
    expect(p.mapping).toEqual(['name', 'email', 'organisation', null]);
    expect(p.badRows).toEqual([
      { line: 3, reasons: [expect.stringMatching(/a cell beyond the last named column \("surplus cell"\)/)] },
    ]);
    // Empty trailing cells (as Excel writes) are not a problem.
    expect(p.sample.map((s) => s.name)).toEqual(['Anna Berg', 'Cara Diaz']);
  });

  it('601 columns are refused at once with a plain message, never a schema error on commit', async () => {
    const header = Array.from({ length: 601 }, (_, i) => (i === 0 ? 'Name' : `Extra ${i}`)).join(',');
    const t = `${header}\r\nAnna Berg${','.repeat(600)}\r\n`;
    const previewReply = await app.dispatch('partners.importPreview', { text: t });
    expect(previewReply).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/names 601 columns; Concordat can read at most 500/) },
    });
    const commitReply = await app.dispatch('partners.importCommit', { text: t, mapping: ['name'], skipBadRows: true });
    expect(commitReply).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/601 columns/) },
    });
  });

  it('removes NUL, BEL and ESC, keeps tab and line breaks in notes, and says so', () => {
    const t = text('control-characters.csv');
    const p = preview(t);
    expect(p.warnings).toEqual([expect.stringMatching(/^4 invisible control characters were removed/)]);
    expect(p.sample[0]).toMatchObject({ name: 'Anna Berg', organisation: 'Council' });
    commit(t);
    const anna = getPersonDetail(app.db, searchDirectory(app.db, 'anna')[0]!.id);
    expect(anna.notes).toBe('Line one\r\n\tLine two[31m');
    const stored =
      JSON.stringify(app.db.prepare('SELECT * FROM people').all()) +
      JSON.stringify(app.db.prepare('SELECT * FROM organisations').all());
    expect(stored).not.toMatch(/\\u000[0-8]|\\u001b|\\u0007/);
  });
});

describe('CSV import: encodings detected in the page', () => {
  it.each([
    ['outlook-windows-1252.csv', 'Windows-1252', ','],
    ['utf-16le-bom.csv', 'UTF-16LE', '\t'],
    ['utf-16le-no-bom.csv', 'UTF-16LE', ','],
    ['utf-16be-bom.csv', 'UTF-16BE', ','],
  ] as const)('%s is read as %s', (name, encoding, delimiter) => {
    const decoded = decodeCsvFile(fixture(name));
    expect(decoded.encoding).toBe(encoding);
    const p = preview(decoded.text);
    expect(p.delimiter).toBe(delimiter);
    expect(p.badRows).toEqual([]);
    expect(p.sample.map((s) => [s.name, s.organisation])).toEqual([
      ['Siobhán O’Neill', 'Café Unity €'],
      ['Zoë Brück', 'Naïve Trust'],
    ]);
  });

  it('UTF-8 with or without a BOM stays UTF-8', () => {
    expect(decodeCsvFile(fixture('excel-semicolon-bom.csv')).encoding).toBe('UTF-8');
    expect(decodeCsvFile(fixture('outlook-export.csv')).encoding).toBe('UTF-8');
  });
});
