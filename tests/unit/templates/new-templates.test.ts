import fs from 'node:fs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../main/documents/docx-writer';
import { examplePreview } from '../../../shared/documents/example-values';
import { gapText, resolve } from '../../../shared/documents/resolve';
import type { ResolveContext } from '../../../shared/documents/resolve';
import type { Template, TemplateBlock, TemplateField } from '../../../shared/documents/template-schema';
import { templateSchema } from '../../../shared/documents/template-schema';
import { staleInTemplate, staleInTree } from '../../../shared/documents/stale-references';
import { treeToText } from '../../../shared/documents/text';
import type { DocumentTree } from '../../../shared/documents/tree';

/**
 * The governance library's other documents (issue 11): each file validates, fills from its
 * example values against the example partnership's directory with no gaps, has human labels,
 * and exports to a .docx whose headings read back. Per template, a few checks on what it says.
 */

const NEW_TEMPLATES = [
  'memorandum-of-understanding',
  'data-protection-impact-assessment',
  'joint-controller-arrangement',
  'disclosure-request-form',
  'meeting-confidentiality-statement',
  'referral-pathway',
  'escalation-protocol',
  'awareness-campaign-plan',
  'modern-slavery-statement',
  'procurement-clauses',
  'survivor-involvement-policy',
  'media-protocol',
  'privacy-notice',
] as const;
const present = NEW_TEMPLATES.filter((k) => fs.existsSync(`resources/templates/${k}.json`));

type Example = { partnership: ResolveContext['partnership']; people: Parameters<typeof examplePreview>[1] };
const example = JSON.parse(fs.readFileSync('resources/examples/northshire.json', 'utf8')) as Example;

const load = (key: string): Template =>
  templateSchema.parse(JSON.parse(fs.readFileSync(`resources/templates/${key}.json`, 'utf8')));

/** The template filled with its example values, against the example partnership's people. */
function exampleTree(t: Template, over: Partial<ResolveContext> = {}): DocumentTree {
  const { values, directory } = examplePreview(t, example.people);
  return resolve(t, values, {
    partnership: example.partnership,
    document: {
      title: t.title,
      version: '1.0',
      date: '2026-10-05',
      marking: 'OFFICIAL',
      reviewDate: '2027-10-05',
      status: 'Draft',
    },
    directory,
    includeGuidance: false,
    ...over,
  });
}

const allFields = (fields: readonly TemplateField[]): TemplateField[] => fields.flatMap((f) => [f, ...allFields(f.fields ?? [])]);
const allBlocks = (blocks: readonly TemplateBlock[]): TemplateBlock[] =>
  blocks.flatMap((b) => [
    b,
    ...(b.type === 'clause' ? allBlocks(b.children ?? []) : []),
    ...(b.type === 'group' ? allBlocks(b.blocks) : []),
  ]);
const headingsOf = (tree: DocumentTree) => tree.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

it('ships all thirteen new templates', () => {
  expect(present).toEqual([...NEW_TEMPLATES]);
});

describe.each(present)('%s', (key) => {
  const raw: unknown = JSON.parse(fs.readFileSync(`resources/templates/${key}.json`, 'utf8'));

  it('validates against the template schema', () => {
    const parsed = templateSchema.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('resolves with its example values and leaves no gap', () => {
    const t = load(key);
    const text = treeToText(exampleTree(t));
    expect(text).not.toContain('[not yet given');
    expect(text).not.toContain(gapText('').slice(0, 10));
    expect(text).not.toContain('{{');
  });

  it('gives every field a human label, help for the busy, and no internal key', () => {
    const t = load(key);
    for (const f of allFields(t.fields)) {
      expect(f.label, f.key).toMatch(/^[A-Z]/);
      expect(f.label, f.key).not.toMatch(/[a-z][A-Z]|_|\{\{/);
    }
    // Top-level fields carry help, except those whose label says it all.
    const withHelp = t.fields.filter((f) => f.help).length;
    expect(withHelp / t.fields.length).toBeGreaterThanOrEqual(0.5);
  });

  it('has no stale reference (old law, retired markings, old body names) in the template or its example export', () => {
    const t = load(key);
    expect(staleInTemplate(t).map((f) => `${f.where}: ${f.found}`)).toEqual([]);
    expect(staleInTree(exampleTree(t)).map((f) => `${f.where}: ${f.found}`)).toEqual([]);
  });

  it('prints choices as their labels, never their values', () => {
    const t = load(key);
    const text = treeToText(exampleTree(t));
    for (const f of allFields(t.fields))
      for (const o of f.options ?? [])
        if (o.value !== o.label.toLowerCase() && /[A-Z]/.test(o.value))
          expect(text, `${f.key}: ${o.value}`).not.toContain(o.value);
  });

  it('exports to .docx and every heading reads back', async () => {
    const t = load(key);
    const tree = exampleTree(t);
    const bytes = await writeDocx(tree);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    const docHeadings = [...html.matchAll(/<h[1-3]>(?:<a id="[^"]*"><\/a>)*([^<]*)<\/h[1-3]>/g)].map((m) => decode(m[1]!));
    const expected = headingsOf(tree);
    expect(expected.length).toBeGreaterThan(2);
    for (const h of expected) expect(docHeadings, h).toContain(h);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(text).not.toContain('[not yet given');
  }, 30_000);

  it('prints the document marking and opens with the starting-point guidance', () => {
    const t = load(key);
    const marked = exampleTree(t, {
      document: { title: t.title, version: '1.0', date: '2026-10-05', marking: 'OFFICIAL-SENSITIVE', reviewDate: '2027-10-05' },
    });
    expect(treeToText(marked)).toMatch(/marked OFFICIAL-SENSITIVE/);
    const first = t.blocks[0];
    expect(first?.type).toBe('guidance');
    expect(first && first.type === 'guidance' ? first.text : '').toMatch(
      /starting point[\s\S]*legal and information-governance advice/,
    );
  });
});

/** The resolved example as one string, for checks on meaning. */
const textOf = (key: string, over: Partial<ResolveContext> = {}) => treeToText(exampleTree(load(key), over));

const has = (key: (typeof NEW_TEMPLATES)[number]) => (present as readonly string[]).includes(key);

describe('what the templates say', () => {
  it.skipIf(!has('memorandum-of-understanding'))(
    'memorandum of understanding: no delegated authority, reports to a named body, signatures',
    () => {
      const text = textOf('memorandum-of-understanding');
      expect(text).toMatch(/not legally binding/i);
      expect(text).toMatch(/does not bind|no authority over/i);
      expect(text).toContain('Safer Northshire Community Safety Partnership');
      expect(text).toContain('Signatories:');
    },
  );

  it.skipIf(!has('data-protection-impact-assessment'))(
    'DPIA: the risk table with likelihood, severity and residual risk, Article 35 and DPO advice',
    () => {
      const t = load('data-protection-impact-assessment');
      const risk = allBlocks(t.blocks).find((b) => b.type === 'table' && b.each === 'risks');
      expect(risk && risk.type === 'table' ? risk.header : []).toEqual([
        'Risk to individuals',
        'Before measures',
        'Measures to reduce the risk',
        'Residual risk',
        'Agreed',
      ]);
      expect(risk && risk.type === 'table' ? risk.row?.[1] : '').toMatch(/likelihood[\s\S]*severity[\s\S]*overall/);
      const text = textOf('data-protection-impact-assessment');
      expect(text).toContain('UK GDPR Article 35');
      expect(text).toMatch(/data protection officer's advice/i);
      expect(JSON.stringify(t.blocks)).toMatch(/must be consulted first/i);
      expect(text).toMatch(/No high risk remains/);
    },
  );

  it.skipIf(!has('joint-controller-arrangement'))(
    'joint controller arrangement: Article 26, respective responsibilities, the essence made available',
    () => {
      const text = textOf('joint-controller-arrangement');
      expect(text).toContain('UK GDPR Article 26');
      expect(text).toMatch(/essence of this arrangement is made available/i);
      expect(text).toMatch(/Responsibility \| Who is responsible/);
      expect(text).toMatch(/a processor .* does not decide/i);
    },
  );

  it.skipIf(!has('disclosure-request-form'))(
    'disclosure request form: blank answer cells, the decision and its reasons, OFFICIAL-SENSITIVE when filled in',
    () => {
      const t = load('disclosure-request-form');
      const tables = allBlocks(t.blocks).filter((b) => b.type === 'table');
      expect(tables.length).toBeGreaterThanOrEqual(3);
      const text = textOf('disclosure-request-form');
      expect(text).toMatch(/disclosure approved, approved in part, or refused/);
      expect(text).toMatch(/OFFICIAL-SENSITIVE once completed/);
      expect(text).toMatch(/reasons for the decision/i);
    },
  );

  it.skipIf(!has('meeting-confidentiality-statement'))(
    'meeting confidentiality statement: no names of victims in minutes, a case concern goes to safeguarding procedures',
    () => {
      const text = textOf('meeting-confidentiality-statement');
      expect(text).toMatch(/do not name or identify victims/i);
      expect(text).toMatch(/own organisation's safeguarding procedures/i);
      expect(text).toContain('999');
      expect(text).toMatch(/Freedom of Information Act 2000/);
    },
  );

  it.skipIf(!has('referral-pathway'))(
    'referral pathway: NRM and Duty to Notify, children need no consent, urgent steps, the listed helplines',
    () => {
      const text = textOf('referral-pathway');
      expect(text).toContain('National Referral Mechanism');
      expect(text).toContain('Duty to Notify');
      expect(text).toContain('Modern Slavery Act 2015 s52');
      expect(text).toMatch(/A child does not need to consent to a National Referral Mechanism referral/);
      expect(text).toMatch(/adult must give informed consent/i);
      expect(text).toContain('08000 121 700');
      expect(text).toContain('0800 555 111');
      expect(text).toMatch(/999/);
      expect(text).toMatch(/Single Competent Authority/);
      expect(text).toMatch(/at least 30 days/);
      // Local numbers come from the partnership, not from the template.
      expect(text).toContain('01632 960400');
      expect(text).toContain('Care Act 2014 s42');
    },
  );

  it.skipIf(!has('referral-pathway'))(
    "referral pathway: outside England, England-only law becomes the partnership's own procedure",
    () => {
      const t = load('referral-pathway');
      const { values, directory } = examplePreview(t, example.people);
      const tree = resolve(
        t,
        { ...values, nation: 'scotland' },
        {
          partnership: example.partnership,
          document: { title: t.title, version: '1', date: '2026-10-05', marking: 'OFFICIAL', reviewDate: '2027-10-05' },
          directory,
          includeGuidance: false,
        },
      );
      const text = treeToText(tree);
      for (const law of ['Care Act 2014', 'Children Act 1989', 's52', 'Victim Care Contract', 's45'])
        expect(text).not.toContain(law);
      expect(text).toContain('Human Trafficking and Exploitation (Scotland) Act 2015');
      expect(text).toContain('the adult protection procedures of the local authority');
      expect(text).toContain('A child does not need to consent');
      expect(text).not.toContain('[not yet given');
    },
  );

  it.skipIf(!has('escalation-protocol'))('escalation protocol: numbered levels with timescales in working days', () => {
    const t = load('escalation-protocol');
    const text = textOf('escalation-protocol');
    expect(text).toMatch(/Level 1/);
    expect(text).toMatch(/Level 2/);
    expect(text).toMatch(/Level 3/);
    expect(text).toMatch(/within 2 working days/);
    expect(text).toMatch(/does not wait for the disagreement to be resolved/i);
    expect(t.fields.filter((f) => f.type === 'number').length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!has('awareness-campaign-plan'))(
    'awareness campaign plan: aim, audiences, messages, channels, survivors safety, evaluation',
    () => {
      const text = textOf('awareness-campaign-plan');
      for (const h of ['Aim', 'Audiences', 'Key messages', 'Channels', "Survivors' safety and dignity", 'Evaluation'])
        expect(text).toContain(h);
      expect(text).toContain('08000 121 700');
    },
  );

  it.skipIf(!has('modern-slavery-statement'))(
    'modern slavery statement: s54 for a commercial organisation, a voluntary statement for a public body',
    () => {
      const text = textOf('modern-slavery-statement');
      expect(text).toContain('Modern Slavery Act 2015 s54');
      expect(text).toMatch(/voluntar/i);
      expect(text).toContain('financial year');
      const t = load('modern-slavery-statement');
      const { values, directory } = examplePreview(t, example.people);
      const commercial = treeToText(
        resolve(
          t,
          { ...values, orgType: 'commercial' },
          {
            partnership: example.partnership,
            document: { title: t.title, version: '1', date: '2026-10-05', marking: 'OFFICIAL' },
            directory,
          },
        ),
      );
      expect(commercial).toMatch(/is such an organisation/);
      expect(commercial).not.toMatch(/voluntar/i);
    },
  );

  it.skipIf(!has('procurement-clauses'))(
    'procurement clauses and supplier questionnaire: clauses and a questionnaire with blank answers',
    () => {
      const t = load('procurement-clauses');
      const q = allBlocks(t.blocks).find((b) => b.type === 'table' && b.header.includes('Supplier answer'));
      expect(q && q.type === 'table' ? (q.rows ?? []).every((r) => r.at(-1) === '') : false).toBe(true);
      const text = textOf('procurement-clauses');
      expect(text).toMatch(/terminate/i);
      expect(text).toContain('Modern Slavery Act 2015 s54');
    },
  );

  it.skipIf(!has('survivor-involvement-policy'))(
    'survivor involvement policy: consent, payment, wellbeing and the right to withdraw',
    () => {
      const text = textOf('survivor-involvement-policy');
      expect(text).toMatch(/withdraw at any time/i);
      expect(text).toMatch(/paid|payment/i);
      expect(text).toMatch(/wellbeing/i);
    },
  );

  it.skipIf(!has('media-protocol'))(
    'media protocol: spokespeople, no identifying survivors, live investigations left to the police',
    () => {
      const text = textOf('media-protocol');
      expect(text).toMatch(/spokesperson/i);
      expect(text).toMatch(/never identif/i);
      expect(text).toMatch(/live investigation/i);
    },
  );

  it.skipIf(!has('privacy-notice'))(
    'privacy notice: lawful basis, retention, rights, complaints to the controller first and the regulator',
    () => {
      const text = textOf('privacy-notice');
      expect(text).toMatch(/UK GDPR Article 6\(1\)\(e\)|UK GDPR Article 6\(1\)\(f\)/);
      expect(text).toMatch(/within 30 days/);
      expect(text).toContain('Data Protection Act 2018 s164A');
      expect(text).toContain('the Information Commissioner');
      expect(text).toMatch(/right of access/i);
    },
  );
});
