import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../main/documents/docx-writer';
import { breakableEmails, fitColumns, textWidth } from '../../../main/documents/docx-layout';
import type { DocumentTree } from '../../../shared/documents/tree';

const opts = { halfPoints: 20, padding: 240 };
const col = (...cells: string[]) => ({ cells: cells.map((text, i) => ({ text, bold: i === 0 })) });

describe('table layout from content', () => {
  it('gives every column at least its longest word, taking width from columns with room', () => {
    // The template asks for a narrow first column; "Version" and "Telephone" must still fit whole.
    const widths = fitColumns(
      [col('Version', '0.1'), col('Telephone', '07700 900112'), col('Summary', 'A long sentence '.repeat(8))],
      9026,
      {
        ...opts,
        relative: [0.5, 0.5, 6],
      },
    );
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9026);
    expect(widths[0]!).toBeGreaterThanOrEqual(textWidth('Version', 20, true) + 240);
    expect(widths[1]!).toBeGreaterThanOrEqual(textWidth('Telephone', 20, true) + 240);
    expect(widths[2]!).toBeGreaterThan(widths[0]! * 2);
  });

  it('widens for a whole e-mail address when the others can spare it, and breaks it only after @ or . when not', () => {
    const roomy = fitColumns([col('Name', 'Jo'), col('Email', 'jo.williams@northshire-council.example')], 9026, opts);
    expect(roomy[1]!).toBeGreaterThanOrEqual(textWidth('jo.williams@northshire-council.example', 20, false) + 240);
    const runs = [{ text: 'Write to jo.williams@northshire-council.example today' }];
    expect(breakableEmails(runs, 20_000, 20, 240)).toEqual(runs);
    expect(breakableEmails(runs, 1500, 20, 240)[0]!.text).toBe(
      'Write to jo.\u200Bwilliams@\u200Bnorthshire-\u2060council.\u200Bexample today',
    );
  });

  it('shares the width by the minimums when not every word can fit', () => {
    const many = Array.from({ length: 12 }, () => col('Justification', 'Responsibilities'));
    const widths = fitColumns(many, 9026, opts);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9026);
    expect(new Set(widths.slice(0, 11)).size).toBe(1);
  });
});

describe('signature block kept together', () => {
  it('keeps every signature row but the last with the next, and the paragraph before it with the table', async () => {
    const tree: DocumentTree = {
      meta: {
        title: 'T',
        version: '1.0',
        date: '2026-12-01',
        marking: 'OFFICIAL',
        author: 'A',
        subject: 'S',
        partnershipName: 'P',
      },
      blocks: [
        { kind: 'paragraph', runs: [{ text: 'Signed for and on behalf of each party:' }] },
        {
          kind: 'signatures',
          signatories: ['A', 'B', 'C'].map((n) => ({ name: n, position: 'Chief Officer', organisation: 'Org', signedOn: '' })),
        },
      ],
    };
    const zip = await JSZip.loadAsync(await writeDocx(tree));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<w:sectPr[\s\S]*$/, '');
    const intro = /<w:p>(?:(?!<\/w:p>).)*Signed for and on behalf(?:(?!<\/w:p>).)*<\/w:p>/.exec(xml)![0];
    expect(intro).toContain('<w:keepNext/>');
    const rows = xml.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(4);
    const keeps = rows.map((r) => r.includes('<w:keepNext/>'));
    expect(keeps).toEqual([true, true, true, false]);
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
  });
});
