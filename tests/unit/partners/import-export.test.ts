import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCsv, exportVcards } from '../../../main/partners/export';
import { commitImport, previewImport } from '../../../main/partners/import';
import { getPersonDetail } from '../../../main/partners/people';
import { searchDirectory } from '../../../main/partners/search-index';
import { toCsv } from '../../../shared/partners/csv-export';
import { decodeCsvBytes, decodeCsvFile, parseCsvText } from '../../../shared/partners/csv-file';
import { readRecords, recogniseColumns } from '../../../shared/partners/csv-import';
import { foldLine, personToVcard } from '../../../shared/partners/vcard';
import { createTestApp } from '../../helpers/db';
import { org, person } from './helpers';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/csv', name));
const text = (name: string) => decodeCsvBytes(fixture(name));

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const preview = (t: string) => previewImport(app.db, t, null);
const commit = (t: string, opts: Partial<Parameters<typeof commitImport>[2]> = {}) => {
  const p = preview(t);
  return commitImport(app.db, t, { mapping: p.mapping, skipBadRows: false, duplicates: {}, ...opts });
};
const count = (table: string) => app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('CSV import: good files', () => {
  it('reads an Outlook export, recognising its column names', () => {
    const p = preview(text('outlook-export.csv'));
    expect(p.delimiter).toBe(',');
    expect(p.mapping).toEqual([
      'firstName',
      'middleName',
      'lastName',
      null,
      null,
      'organisation',
      null,
      'jobTitle',
      null,
      'phone',
      'mobile',
      'email',
      null,
      'notes',
    ]);
    expect(p.badRows).toEqual([]);
    expect(p.sample.map((s) => [s.line, s.name, s.organisation])).toEqual([
      [2, 'Priya Sharma', 'Northshire Police'],
      [4, "Tomás O'Brien", 'Northshire County Council'],
      [5, 'Aisha Bello', 'Hope Street Refuge'],
    ]);
    const summary = commit(text('outlook-export.csv'));
    expect(summary).toEqual({ peopleCreated: 3, peopleMerged: 0, organisationsCreated: 3, postsCreated: 3, skipped: 0 });
    const hit = searchDirectory(app.db, 'detective')[0]!;
    const detail = getPersonDetail(app.db, hit.id);
    expect(detail).toMatchObject({ name: 'Priya Sharma', notes: 'Force SPOC for\r\nmodern slavery', source: 'CSV import' });
    expect(detail.posts[0]).toMatchObject({ jobTitle: 'Detective Inspector, Modern Slavery', phone: '01632 960123' });
    expect(getPersonDetail(app.db, searchDirectory(app.db, 'tomas')[0]!.id).posts[0]!.phone).toBe('07700 900456');
  });

  it('reads an Excel file with a BOM, semicolons, sectors and SPOC flags', () => {
    const t = text('excel-semicolon-bom.csv');
    expect(t.charCodeAt(0)).not.toBe(0xfeff);
    const p = preview(t);
    expect(p.delimiter).toBe(';');
    expect(p.headers[0]).toBe('Name');
    expect(p.badRows).toEqual([]);
    commit(t);
    const fire = app.db.prepare("SELECT sector FROM organisations WHERE name = 'Northshire Fire and Rescue'").pluck().get();
    expect(fire).toBe('fire');
    const gareth = getPersonDetail(app.db, searchDirectory(app.db, 'gareth')[0]!.id);
    expect(gareth.posts[0]!.isSpoc).toBe(true);
    const sam = getPersonDetail(app.db, searchDirectory(app.db, 'sam patel')[0]!.id);
    expect(sam.posts[0]!.jobTitle).toBe('=HYPERLINK("x")');
  });
});

describe('CSV import: the bad-file corpus', () => {
  it("reads a Windows-1252 file (Outlook's default) by detecting its encoding", () => {
    expect(decodeCsvFile(fixture('windows-1252.csv'))).toEqual({
      text: 'Name,Company\r\nSiobhán Murphy,Café Unity\r\n',
      encoding: 'Windows-1252',
    });
    expect(preview(text('windows-1252.csv')).sample[0]).toMatchObject({ name: 'Siobhán Murphy', organisation: 'Café Unity' });
    // The same bytes read leniently as UTF-8 (as a browser's file.text() would) are still refused by main.
    const lenient = new TextDecoder().decode(fixture('windows-1252.csv'));
    expect(() => preview(lenient)).toThrow(/not saved as UTF-8/);
  });

  it('refuses unbalanced quotes, naming the line', () => {
    expect(() => preview(text('unbalanced-quotes.csv'))).toThrow(/Line 3 opens a quoted cell that is never closed/);
  });

  it('refuses a file without a name or organisation column', () => {
    const p = preview(text('missing-required-column.csv'));
    expect(p.missingColumn).toMatch(/no column for a name or an organisation/);
    expect(() => commit(text('missing-required-column.csv'))).toThrow(/no column for a name/);
    expect(count('people')).toBe(0);
  });

  it('lists a 100,000-character cell as a bad row and imports nothing unless told to skip it', () => {
    const t = text('huge-cell.csv');
    const p = preview(t);
    expect(p.badRows).toEqual([
      { line: 3, reasons: ['the "Notes" cell is 100,000 characters long; a cell can hold at most 2,000'] },
    ]);
    expect(() => commit(t)).toThrow(/1 row has a problem, so nothing was imported/);
    expect(count('people')).toBe(0);
    expect(count('organisations')).toBe(0);
    expect(commit(t, { skipBadRows: true })).toMatchObject({ peopleCreated: 2, skipped: 1 });
  });

  it('lists repeated rows as bad rows', () => {
    const p = preview(text('duplicate-rows.csv'));
    expect(p.badRows).toEqual([{ line: 4, reasons: ['it repeats line 2'] }]);
  });

  it('lists a bad email with its line and writes nothing; the fixed file imports', () => {
    const p = preview(text('one-bad-row.csv'));
    expect(p.badRows).toEqual([{ line: 3, reasons: ['"omar.nasser(at)council.example" is not an email address'] }]);
    expect(() => commit(text('one-bad-row.csv'))).toThrow(/nothing was imported/);
    expect(count('people') + count('organisations') + count('posts')).toBe(0);
    expect(commit(text('one-bad-row-fixed.csv'))).toMatchObject({ peopleCreated: 3, organisationsCreated: 2 });
  });

  it('refuses an empty file', () => {
    expect(() => preview(text('empty.csv'))).toThrow(/empty/);
  });

  it('offers likely duplicates (same email, or same name at the same organisation) as skip or merge', () => {
    const council = org(app.db, { name: 'Northshire Council' });
    const lena = person(app.db, { name: 'Lena Morris' }, { organisationId: council.id, jobTitle: '' });
    const pia = person(
      app.db,
      { name: 'P. Quinn' },
      { organisationId: org(app.db, { name: 'Elsewhere' }).id, email: 'PIA@hopestreet.example' },
    );
    const t = text('one-bad-row-fixed.csv');
    const p = preview(t);
    expect(p.duplicates.map((d) => [d.line, d.match, d.existingId])).toEqual([
      [2, 'name', lena.id],
      [4, 'email', pia.id],
    ]);
    const summary = commit(t, { duplicates: { '2': 'merge', '4': 'skip' } });
    expect(summary).toMatchObject({ peopleCreated: 1, peopleMerged: 1, skipped: 1 });
    expect(getPersonDetail(app.db, lena.id).posts[0]!.jobTitle).toBe('Community Safety Officer');
    expect(count('people')).toBe(3);
  });

  it('imports 10,000 rows in one transaction', () => {
    const rows = [['Name', 'Organisation', 'Job title', 'Email']];
    for (let i = 0; i < 10_000; i++) rows.push([`Person ${i}`, `Org ${i % 500}`, 'Officer', `p${i}@example.org`]);
    const t0 = performance.now();
    expect(commit(toCsv(rows))).toMatchObject({ peopleCreated: 10_000, organisationsCreated: 500 });
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe('export', () => {
  function seed() {
    const police = org(app.db, { name: 'Northshire Police', sector: 'police', membership: 'core' });
    const refuge = org(app.db, { name: 'Hope; "Street" Refuge', sector: 'ngo-local', membership: 'associate' });
    org(app.db, { name: 'Empty Org', sector: 'faith', membership: 'observer' });
    person(
      app.db,
      {
        name: 'Siobhán Ó Ceallaigh',
        pronouns: 'she/her',
        notes: 'Line one\nLine two, with comma',
        source: 'Met at forum',
        lawfulBasis: 'Public task',
        lastVerified: '2025-03-31',
      },
      {
        organisationId: police.id,
        jobTitle: '=SUM(A1)',
        email: 'siobhan@police.example',
        phone: '+44 20 7946 0958',
        isSpoc: true,
      },
    );
    const two = person(
      app.db,
      { name: 'Two Posts', notes: '-dash first', source: 'Forum' },
      { organisationId: police.id, jobTitle: 'Analyst' },
    );
    app.db
      .prepare(
        "INSERT INTO posts (person_id, organisation_id, job_title, email, phone, is_spoc, created_at) VALUES (?, ?, '@mention', '', '', 0, 'x')",
      )
      .run(two.id, refuge.id);
    // A record with no source imports with the source "CSV import", so every seeded person has one.
    person(app.db, { name: 'No Post', source: 'Forum' });
  }

  const snapshot = (db = app.db) => ({
    people: db.prepare('SELECT name, pronouns, notes, source, lawful_basis, last_verified FROM people ORDER BY name').all(),
    posts: db
      .prepare(
        `SELECT p.name, o.name AS org, po.job_title, po.email, po.phone, po.is_spoc FROM posts po JOIN people p ON p.id = po.person_id
          JOIN organisations o ON o.id = po.organisation_id ORDER BY p.name, o.name`,
      )
      .all(),
    orgs: db.prepare('SELECT name, sector, membership FROM organisations ORDER BY name').all(),
  });

  it('writes CSV Excel opens correctly: BOM, CRLF, formulas neutralised', () => {
    seed();
    const csv = exportCsv(app.db, null);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').length).toBeGreaterThan(4);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[^\r]\n(?!Line two)/);
    expect(csv).toContain(",'=SUM(A1),");
    expect(csv).toContain(",'@mention,");
    expect(csv).toContain(",'+44 20 7946 0958,");
    expect(csv).toContain(",'-dash first");
    expect(csv).toContain('"Hope; ""Street"" Refuge"');
  });

  it('round trip: CSV out, CSV in gives the same records', async () => {
    seed();
    const csv = exportCsv(app.db, null);
    const before = snapshot();
    const other = createTestApp();
    try {
      const p = previewImport(other.db, csv, null);
      expect(p.badRows).toEqual([]);
      commitImport(other.db, csv, { mapping: p.mapping, skipBadRows: false, duplicates: {} });
      expect(snapshot(other.db)).toEqual(before);
      // Through the contract and the host's save: the bytes are the same CSV.
      const saved = await app.dispatch('partners.exportCsv', { personIds: null });
      expect(saved).toMatchObject({ ok: true, value: { status: 'download', mimeType: 'text/csv' } });
      expect(Buffer.from(app.saved[0]!.bytes).toString('utf8')).toBe(csv);
    } finally {
      other.cleanup();
    }
    // The parser sees the header exactly as exported.
    const parsed = parseCsvText(csv);
    expect(readRecords(parsed, recogniseColumns(parsed.headers)).badRows).toEqual([]);
  });

  it('writes vCard 4.0 that an independent parser reads, for one person or a selection', async () => {
    seed();
    const ids = app.db.prepare('SELECT id FROM people ORDER BY name').pluck().all() as number[];
    const { text: vcf, count: n } = exportVcards(app.db, ids);
    expect(n).toBe(3);
    for (const line of vcf.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const parsed = ICAL.parse(vcf) as unknown[];
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((c) => new ICAL.Component(c as never));
    expect(cards).toHaveLength(3);
    const siobhan = cards.find((c) => c.getFirstPropertyValue('fn') === 'Siobhán Ó Ceallaigh')!;
    expect(siobhan.getFirstPropertyValue('version')).toBe('4.0');
    expect(siobhan.getFirstPropertyValue('title')).toBe('=SUM(A1)');
    expect(siobhan.getFirstPropertyValue('email')).toBe('siobhan@police.example');
    expect(siobhan.getFirstPropertyValue('tel')).toBe('tel:+442079460958');
    expect(String(siobhan.getFirstPropertyValue('note'))).toContain('Line one\nLine two, with comma');
    expect(String(siobhan.getFirstPropertyValue('note'))).toContain('single point of contact for Northshire Police');
    expect(siobhan.getFirstPropertyValue('n')).toEqual(['Ceallaigh', 'Siobhán Ó', '', '', '']);

    const one = await app.dispatch('partners.exportVcard', { personIds: [ids[0]!] });
    expect(one).toMatchObject({ ok: true, value: { status: 'download', fileName: 'No Post.vcf', mimeType: 'text/vcard' } });
  });

  it('folds long lines at 75 octets without splitting a character, and escapes values', () => {
    const long = `NOTE:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const card = personToVcard({
      id: 1,
      name: 'A;B,C\\D',
      pronouns: '',
      notes: '',
      updatedAt: '2025-01-01T00:00:00.000Z',
      posts: [],
    });
    expect(card).toContain('FN:A;B\\,C\\\\D\r\n');
    const comp = new ICAL.Component(ICAL.parse(card) as never);
    expect(comp.getFirstPropertyValue('fn')).toBe('A;B,C\\D');
  });
});

describe('import through the contract', () => {
  it('previews, refuses a mismatched mapping, and commits with per-duplicate choices', async () => {
    const t = text('one-bad-row-fixed.csv');
    const preview = await app.dispatch('partners.importPreview', { text: t });
    expect(preview).toMatchObject({
      ok: true,
      value: { rowCount: 3, badRows: [], mapping: ['name', 'organisation', 'jobTitle', 'email'] },
    });
    const wrong = await app.dispatch('partners.importCommit', { text: t, mapping: ['name'], skipBadRows: false, duplicates: {} });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/column mapping/) },
    });
    const badChoice = await app.dispatch('partners.importCommit', {
      text: t,
      mapping: ['name', 'organisation', 'jobTitle', 'email'],
      skipBadRows: false,
      duplicates: { '2': 'overwrite' },
    });
    expect(badChoice).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    // Ignoring the email column is the user's choice and is respected.
    const done = await app.dispatch('partners.importCommit', {
      text: t,
      mapping: ['name', 'organisation', 'jobTitle', null],
      skipBadRows: false,
      duplicates: {},
    });
    expect(done).toMatchObject({ ok: true, value: { peopleCreated: 3, organisationsCreated: 2, postsCreated: 3 } });
    expect(count('posts')).toBe(3);
    expect(app.db.prepare("SELECT count(*) FROM posts WHERE email <> ''").pluck().get()).toBe(0);
    const audit = app.db.prepare('SELECT DISTINCT entity, action FROM audit_log ORDER BY entity, action').all();
    expect(audit).toEqual([
      { entity: 'directory', action: 'import' },
      { entity: 'organisation', action: 'create' },
      { entity: 'person', action: 'create' },
      { entity: 'post', action: 'create' },
    ]);
  });
});
