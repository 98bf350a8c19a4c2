import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../main/documents/docx-writer';
import examplePartnership from '../../../resources/examples/northshire.json';
import { examplePreview } from '../../../shared/documents/example-values';
import { resolve } from '../../../shared/documents/resolve';
import { templateSchema } from '../../../shared/documents/template-schema';
import type { DocumentTree } from '../../../shared/documents/tree';
import { tempDir } from '../../helpers/db';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tools = has('soffice') && has('pdftotext');

const TEMPLATES = path.resolve('resources/templates');
const files = fs
  .readdirSync(TEMPLATES)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The words and e-mail addresses printed in the document's tables, where a narrow column would break them. */
function tableWords(tree: DocumentTree): { words: Set<string>; emails: Set<string> } {
  const words = new Set<string>();
  const emails = new Set<string>();
  const add = (text: string) => {
    for (const token of text.split(/\s+/)) {
      const t = token.replace(/^[("“‘]+|[)"”’,;:.!?]+$/g, '');
      if (t.includes('@')) emails.add(t);
      else for (const w of t.split('-')) if (/^[A-Za-z]{5,}$/.test(w)) words.add(w);
    }
  };
  for (const b of tree.blocks) {
    if (b.kind === 'table') {
      b.header.forEach(add);
      for (const r of b.rows) for (const c of r) add(c.map((x) => x.text).join(''));
    }
    if (b.kind === 'signatures') {
      ['Organisation', 'Name', 'Position', 'Signature', 'Date'].forEach(add);
      for (const s of b.signatories) [s.name, s.position, s.organisation, s.signedOn].forEach(add);
    }
  }
  return { words, emails };
}

/**
 * Words split across lines in the PDF's text: a line that ends with the start of a known word and a
 * next line holding the rest ("Telephon" / "e"). An e-mail address may break only after "@" or ".".
 */
function splitWords(text: string, words: Set<string>, emails: Set<string>): string[] {
  const lines = text.replace(/[\u200B\u2060]/g, '').split('\n');
  const found: string[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const tokens = lines[i]!.trim().split(/\s+/);
    const last = tokens[tokens.length - 1] ?? '';
    const next = new Set(
      lines[i + 1]!.trim()
        .split(/\s+/)
        .map((t) => t.replace(/[)"”’,;:.!?]+$/, '')),
    );
    for (const w of words)
      for (let k = 2; k < w.length; k++)
        if (last === w.slice(0, k) && next.has(w.slice(k))) found.push(`${w} as "${last}" / "${w.slice(k)}"`);
    for (const e of emails)
      for (let k = 2; k < e.length; k++)
        if (last === e.slice(0, k) && !/[@.]$/.test(last) && [...next].some((t) => e.slice(k).startsWith(t) && t.length > 0))
          found.push(`${e} as "${last}" / "${e.slice(k)}"`);
  }
  return found;
}

// LibreOffice lays the export out as a reader would see it; a machine without it skips.
describe.skipIf(!tools)('LibreOffice layout of the exports', () => {
  it.each(files)(
    '%s: no table word split across lines, addresses broken only after @ or ., no heading alone at the foot of a page',
    async (file) => {
      const template = templateSchema.parse(JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8')));
      const ex = examplePreview(template, examplePartnership.people);
      const tree = resolve(template, ex.values, {
        partnership: {
          name: 'Northshire Anti-Slavery Partnership',
          area: 'Northshire',
          coordinatorName: 'Aisha Khan',
          coordinatorEmail: 'aisha.khan@northshire.example',
        },
        document: { title: template.title, version: '1.0', date: '2026-12-01', marking: 'OFFICIAL-SENSITIVE', status: 'Agreed' },
        directory: ex.directory,
        includeGuidance: false,
      });
      const { words, emails } = tableWords(tree);
      expect(words.size).toBeGreaterThan(3);
      const dir = tempDir('concordat-layout-');
      const profile = tempDir('concordat-layout-profile-');
      try {
        const docx = path.join(dir, `${template.key}.docx`);
        fs.writeFileSync(docx, await writeDocx(tree));
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
          { stdio: 'pipe', timeout: 120_000 },
        );
        const pdf = path.join(dir, `${template.key}.pdf`);
        const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
        expect(splitWords(text, words, emails)).toEqual([]);
        // No heading or clause title is the last thing on a page (pages are split by form feeds).
        const titles = new Set(
          tree.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : b.kind === 'clause' && b.title ? [b.title] : [])),
        );
        const orphans = text
          .split('\f')
          .map((page) =>
            page
              .split('\n')
              .map((l) => l.trim())
              .filter((l) => l && !/^OFFICIAL/.test(l) && !/Page \d+ of \d+$/.test(l) && !/^Public version/.test(l))
              .at(-1),
          )
          .slice(0, -1)
          .filter((last) => last !== undefined && [...titles].some((t) => last === t || last.endsWith(` ${t}`)));
        expect(orphans).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(profile, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it('catches a split word (the check itself)', () => {
    expect(splitWords('Organisation Name Email Telephon\ne\n', new Set(['Telephone']), new Set())).toEqual([
      'Telephone as "Telephon" / "e"',
    ]);
    expect(
      splitWords('x tom.reilly@northsh\nire-police.example\n', new Set(), new Set(['tom.reilly@northshire-police.example'])),
    ).toHaveLength(1);
    expect(
      splitWords('x tom.reilly@\nnorthshire-police.example\n', new Set(), new Set(['tom.reilly@northshire-police.example'])),
    ).toEqual([]);
  });
});
