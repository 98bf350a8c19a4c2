import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../main/documents/docx-writer';
import { exampleValues, resolve } from '../../../shared/documents/resolve';
import type { Template } from '../../../shared/documents/template-schema';
import { templateSchema } from '../../../shared/documents/template-schema';
import { tempDir } from '../../helpers/db';
import { SAMPLE_PATH, sampleContext } from '../../helpers/documents';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = has('soffice');

function pageCount(pdf: string): number {
  if (has('pdfinfo')) {
    const m = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
    if (m) return Number(m[1]);
  }
  return (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

const templateFiles = [
  SAMPLE_PATH,
  ...(fs.existsSync('resources/templates')
    ? fs
        .readdirSync('resources/templates')
        .filter((f) => f.endsWith('.json'))
        .map((f) => path.resolve('resources/templates', f))
    : []),
];

// A real client: LibreOffice must open every export and lay it out. CI installs it; a machine
// without it skips (and only then).
describe.skipIf(!soffice)('LibreOffice opens the exports', () => {
  it.each(templateFiles)(
    '%s converts to a PDF with a plausible page count',
    async (file) => {
      const template: Template = templateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
      const dir = tempDir('concordat-lo-');
      const profile = tempDir('concordat-lo-profile-');
      try {
        const bytes = await writeDocx(resolve(template, exampleValues(template), sampleContext({ includeGuidance: false })));
        const docx = path.join(dir, `${template.key}.docx`);
        fs.writeFileSync(docx, bytes);
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
          { stdio: 'pipe', timeout: 120_000 },
        );
        const pdf = path.join(dir, `${template.key}.pdf`);
        expect(fs.existsSync(pdf)).toBe(true);
        const pages = pageCount(pdf);
        // A governance document is more than a title page and less than a book.
        // Forms and statements in the library may fit on one page; the agreements do not.
        const long = ['information-sharing-agreement', 'terms-of-reference'].includes(template.key);
        expect(pages).toBeGreaterThanOrEqual(template.key === 'sample-isa' ? 2 : long ? 3 : 1);
        expect(pages).toBeLessThan(80);
        const keep = process.env.CONCORDAT_KEEP_PDF;
        if (keep) fs.copyFileSync(pdf, path.join(keep, `${template.key}.pdf`));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(profile, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
