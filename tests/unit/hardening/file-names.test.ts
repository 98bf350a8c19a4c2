import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFileName, safeFileName } from '../../../shared/files';
import { createTestApp } from '../../helpers/db';
import { org, person } from '../partners/helpers';

const BIDI = [
  '\u202e',
  '\u202d',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];

describe('export file names', () => {
  it('strip every bidirectional control and invisible format character', () => {
    for (const c of [...BIDI, '\u200b', '\ufeff', '\u2060']) {
      expect(safeFileName(`report${c}xcod.exe`)).toBe('reportxcod.exe');
    }
  });

  it('always end with the real extension, whatever the stem holds', () => {
    expect(exportFileName('Minutes \u202excod.exe.docx', 'docx')).toBe('Minutes xcod.exe.docx');
    expect(exportFileName('Minutes.exe', 'docx')).toBe('Minutes.exe.docx');
    expect(exportFileName('', 'ics')).toBe('export.ics');
    expect(exportFileName('con.csv', 'csv')).toBe('export.csv');
    expect(exportFileName('a/b\\c:d.vcf', 'vcf')).toBe('a b c d.vcf');
  });

  let app: ReturnType<typeof createTestApp>;
  beforeEach(() => {
    app = createTestApp();
  });
  afterEach(() => app.cleanup());

  it('reach the save dialog clean from a handler (a contact named to disguise the file)', async () => {
    const o = org(app.db, { name: 'Northshire Police' });
    const p = person(app.db, { name: 'Asha\u202Efdp.exe' }, { organisationId: o.id });
    const result = await app.dispatch('partners.exportVcard', { personIds: [p.id] });
    expect(result.ok).toBe(true);
    expect(app.saved.map((s) => s.name)).toEqual(['Ashafdp.exe.vcf']);
    for (const c of BIDI) expect(app.saved[0]!.name).not.toContain(c);
  });
});
