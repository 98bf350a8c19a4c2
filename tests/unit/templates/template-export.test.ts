import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../main/documents/docx-writer';
import { resolve } from '../../../shared/documents/resolve';
import { context, exampleValuesFor, loadTemplate } from './template-fixtures';

/** The two rewritten templates, exported with example values and read back by an independent reader. */
describe.each(['information-sharing-agreement', 'terms-of-reference'])('%s exported to Word', (key) => {
  const t = loadTemplate(key);
  const tree = resolve(t, exampleValuesFor(t), context());

  it('has every heading, no gap and no internal key', async () => {
    const buffer = Buffer.from(await writeDocx(tree));
    const html = (await mammoth.convertToHtml({ buffer })).value;
    const headings = [...html.matchAll(/<h([1-3])[^>]*>(.*?)<\/h\1>/g)].map((m) =>
      m[2]!.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'"),
    );
    const expected = tree.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(expected.length).toBeGreaterThan(10);
    for (const h of expected) expect(headings, h).toContain(h);
    const text = (await mammoth.extractRawText({ buffer })).value;
    expect(text).not.toContain('[not yet given');
    for (const internal of ['publicTask', 'jointController', 'part3', 'ukGdpr', 'la-community-safety', 'salvation-army', 'siro'])
      expect(text).not.toMatch(new RegExp(`\\b${internal}\\b`));
  });
});
