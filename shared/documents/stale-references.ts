import type { DocumentTree } from './tree';

/**
 * Out-of-date references in governance documents: retired law, retired markings and networks,
 * bodies that were renamed or abolished, and provisions that changed, each with the current
 * wording to use instead. Drawn from shared/reference/sector-facts.md. Pure: text in, findings out.
 */

export type StaleSeverity = 'outdated' | 'check';

export type StaleRule = {
  id: string;
  /** What the rule looks for, as a person would put it. */
  title: string;
  pattern: RegExp;
  /** Why it is stale. */
  message: string;
  /** The wording to use instead. */
  suggestion: string;
  /** "outdated": wrong today; "check": often wrong, worth a second look. */
  severity: StaleSeverity;
  /** A match is let through when this pattern matches the text around it (80 characters either side). */
  unless?: RegExp;
};

export type StaleFinding = {
  ruleId: string;
  /** The text as written. */
  found: string;
  index: number;
  message: string;
  suggestion: string;
  severity: StaleSeverity;
  /** Where it was found, when the caller knows ("Purpose", "Section 4"). */
  where?: string;
};

const FAIR_WORK = /Fair Work Agency|formerly/;

export const STALE_RULES: readonly StaleRule[] = [
  {
    id: 'dpa-1998',
    title: 'Data Protection Act 1998',
    pattern: /\bData Protection Act,? 1998\b|\bDPA,? ?(?:19)?98\b/g,
    message: 'The Data Protection Act 1998 was replaced in 2018.',
    suggestion: 'UK GDPR and the Data Protection Act 2018',
    severity: 'outdated',
  },
  {
    id: 'data-protection-directive',
    title: 'EU Data Protection Directive',
    pattern: /\b(?:EU |European )?Data Protection Directive\b|\bDirective 95\/46\/EC\b/g,
    message: 'The EU Data Protection Directive was replaced in 2018 and no longer applies in the UK.',
    suggestion: 'UK GDPR',
    severity: 'outdated',
  },
  {
    id: 'eu-gdpr',
    title: 'EU GDPR cited for a UK body',
    pattern: /\bEU GDPR\b|\b(?:EU )?General Data Protection Regulation \(EU\) 2016\/679\b|\bRegulation \(EU\) 2016\/679\b/g,
    message: 'UK bodies work to UK GDPR, the retained version as amended by UK law, not the EU text.',
    suggestion: 'UK GDPR',
    severity: 'outdated',
  },
  {
    id: 'gdpr-unqualified',
    title: '"GDPR" without "UK"',
    pattern: /(?<!\bUK |\bEU |\bUK-|\bEU-)\bGDPR\b/g,
    message: 'Plain "GDPR" usually means the EU text. For a UK partnership say which one applies.',
    suggestion: 'UK GDPR',
    severity: 'check',
  },
  {
    id: 'not-protectively-marked',
    title: 'Not Protectively Marked',
    pattern: /\b[Nn]ot [Pp]rotectively [Mm]arked\b|\bNOT PROTECTIVELY MARKED\b|\bNPM\b/g,
    message: '"Not Protectively Marked" belongs to the marking scheme retired in 2014.',
    suggestion: 'OFFICIAL',
    severity: 'outdated',
  },
  {
    id: 'gpms',
    title: 'Government Protective Marking Scheme',
    pattern: /\b(?:Government )?Protective Marking Scheme\b|\bGPMS\b/g,
    message: 'The Government Protective Marking Scheme was replaced in 2014.',
    suggestion: 'the Government Security Classifications',
    severity: 'outdated',
  },
  {
    id: 'restricted',
    title: 'RESTRICTED marking',
    pattern: /\bRESTRICTED\b/g,
    message: 'RESTRICTED is a marking from the scheme retired in 2014.',
    suggestion: 'OFFICIAL-SENSITIVE (where the document holds case information) or OFFICIAL',
    severity: 'outdated',
  },
  {
    id: 'protect',
    title: 'PROTECT marking',
    pattern: /\bPROTECT\b/g,
    message: 'PROTECT is a marking from the scheme retired in 2014.',
    suggestion: 'OFFICIAL-SENSITIVE (where the document holds case information) or OFFICIAL',
    severity: 'outdated',
    // The 4Ps in capitals ("PREVENT, PURSUE, PROTECT, PREPARE") are not a marking.
    unless: /\bPREVENT\b|\bPURSUE\b|\bPREPARE\b/,
  },
  {
    id: 'official-or-higher',
    title: '"OFFICIAL or higher"',
    pattern: /\bOFFICIAL (?:or|and) (?:higher|above)\b/gi,
    message: 'OFFICIAL-SENSITIVE is a marking within OFFICIAL, not a higher level; partnership documents are OFFICIAL.',
    suggestion: 'OFFICIAL-SENSITIVE',
    severity: 'outdated',
  },
  {
    id: 'impact-levels',
    title: 'IL2 / IL3 impact levels',
    pattern: /\bIL ?[0-6]\b|\bImpact Levels? [0-6]\b/g,
    message: 'The IL impact levels were retired with the old marking scheme in 2014.',
    suggestion: 'OFFICIAL (or OFFICIAL-SENSITIVE for case information)',
    severity: 'outdated',
  },
  {
    id: 'gsi-address',
    title: 'GSI / GCSX e-mail address',
    pattern: /\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.(?:gsi|gcsx|gsx)\.gov\.uk\b/gi,
    message: 'The GSI and GCSX secure e-mail networks were retired in 2019, so this address no longer works.',
    suggestion: "the organisation's current secure mailbox",
    severity: 'outdated',
  },
  {
    id: 'gsi-network',
    title: 'GSI / GCSX network',
    pattern: /\bGovernment Secure Intranet\b|\b(?:GSI|GCSX|GSX)\b(?![\w.]*\.gov\.uk)/g,
    message: 'The GSI and GCSX secure e-mail networks were retired in 2019.',
    suggestion: 'secure e-mail between the parties’ current secure mailboxes',
    severity: 'outdated',
  },
  {
    id: 'soca',
    title: 'Serious Organised Crime Agency (SOCA)',
    pattern: /\bSerious Organised Crime Agency\b|\bSOCA\b/g,
    message: 'SOCA was replaced by the National Crime Agency in 2013.',
    suggestion: 'the National Crime Agency (NCA)',
    severity: 'outdated',
  },
  {
    id: 'ukhtc',
    title: 'UK Human Trafficking Centre (UKHTC)',
    pattern: /\bUK Human Trafficking Centre\b|\bUKHTC\b/g,
    message: 'The UK Human Trafficking Centre is now part of the National Crime Agency.',
    suggestion: "the NCA's Modern Slavery and Human Trafficking Unit",
    severity: 'outdated',
  },
  {
    id: 'uk-border-agency',
    title: 'UK Border Agency',
    pattern: /\bUK Border Agency\b|\bUKBA\b/g,
    message: 'The UK Border Agency was abolished in 2013.',
    suggestion: 'UK Visas and Immigration, Immigration Enforcement or Border Force (whichever does the work)',
    severity: 'outdated',
  },
  {
    id: 'gangmasters-licensing-authority',
    title: 'Gangmasters Licensing Authority',
    pattern: /\bGangmasters Licensing Authority\b/g,
    message:
      'The Gangmasters Licensing Authority was renamed in 2017, and its work moved to the Fair Work Agency from April 2026.',
    suggestion: 'the Fair Work Agency (formerly the Gangmasters and Labour Abuse Authority)',
    severity: 'outdated',
  },
  {
    id: 'glaa',
    title: 'Gangmasters and Labour Abuse Authority (GLAA)',
    pattern: /\bGangmasters and Labour Abuse Authority\b|\bGLAA\b/g,
    message:
      "The GLAA's labour-market enforcement moved to the Fair Work Agency from April 2026. Until you have confirmed where your contact now sits, name the Fair Work Agency with the former body in brackets.",
    suggestion: 'the Fair Work Agency (formerly the GLAA)',
    severity: 'check',
    unless: FAIR_WORK,
  },
  {
    id: 'easi',
    title: 'Employment Agency Standards Inspectorate',
    pattern: /\bEmployment Agency Standards Inspectorate\b|\bEAS Inspectorate\b/g,
    message: "The Employment Agency Standards Inspectorate's work moved to the Fair Work Agency from April 2026.",
    suggestion: 'the Fair Work Agency (formerly the Employment Agency Standards Inspectorate)',
    severity: 'check',
    unless: FAIR_WORK,
  },
  {
    id: 's115-duty',
    title: 'Crime and Disorder Act s115 called a duty',
    pattern:
      /\b(?:s\.?\s?|section\s)115\b[^.;]{0,60}?\b(?:duty|requires?|obliges?|must)\b|\bduty\b[^.;]{0,40}?\b(?:s\.?\s?|section\s)115\b/gi,
    message:
      'Crime and Disorder Act 1998 s115 is a power, not a duty: it permits disclosure to a relevant authority for the purposes of that Act, and never to a charity or business.',
    suggestion: 'Crime and Disorder Act 1998 s115 permits (but does not require) disclosure to a relevant authority',
    severity: 'check',
    unless: /\bnot a duty\b|\bno duty\b/i,
  },
  {
    id: 'ico-name',
    title: "Information Commissioner's Office named as the regulator",
    pattern: /\bInformation Commissioner['’]s Office\b/g,
    message:
      "The Data (Use and Access) Act 2025 provides for the Information Commissioner's Office to be replaced by the Information Commission. Name the regulator once so the name can change.",
    suggestion: 'the Information Commissioner (the regulator)',
    severity: 'check',
  },
  {
    id: 'complaints-to-regulator-first',
    title: 'Complaints sent straight to the regulator',
    pattern:
      /\b(?:complain|complaint)s?\b[^.;]{0,60}?\b(?:directly )?to the (?:Information Commissioner|ICO|regulator)\b(?![^.;]{0,80}\bcontroller)/gi,
    message:
      'Since 19 June 2026 (Data Protection Act 2018 s164A) each controller must handle complaints itself and acknowledge them within 30 days; people are expected to complain to the controller first.',
    suggestion: "complaints go first to the controller's own complaints process; a person may then complain to the regulator",
    severity: 'check',
    unless: /\bs164A\b|\b30 days\b|\bfirst\b/i,
  },
];

const around = (text: string, index: number, length: number) =>
  text.slice(Math.max(0, index - 80), Math.min(text.length, index + length + 80));

/** Every stale reference in a text, in order. */
export function findStaleReferences(text: string, where?: string): StaleFinding[] {
  const out: StaleFinding[] = [];
  for (const rule of STALE_RULES) {
    const re = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
    for (const m of text.matchAll(re)) {
      if (rule.unless && rule.unless.test(around(text, m.index, m[0].length))) continue;
      // A GSI address is one finding, not an address and a network.
      if (
        rule.id === 'gsi-network' &&
        out.some((f) => f.ruleId === 'gsi-address' && f.index <= m.index && f.index + f.found.length >= m.index)
      )
        continue;
      const f: StaleFinding = {
        ruleId: rule.id,
        found: m[0],
        index: m.index,
        message: rule.message,
        suggestion: rule.suggestion,
        severity: rule.severity,
      };
      if (where) f.where = where;
      out.push(f);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Stale references in several labelled texts ({ where, text }), e.g. the fields of a form. */
export function findStaleIn(texts: readonly { where: string; text: string }[]): StaleFinding[] {
  return texts.flatMap((t) => findStaleReferences(t.text, t.where));
}

/** Stale references in a resolved document, each placed under the heading it follows. Guidance is not checked. */
export function staleInTree(tree: DocumentTree): StaleFinding[] {
  const texts: { where: string; text: string }[] = [{ where: 'Title', text: tree.meta.title }];
  let where = 'Start of the document';
  const runs = (rs: readonly { text: string }[]) => rs.map((r) => r.text).join('');
  for (const b of tree.blocks) {
    switch (b.kind) {
      case 'heading':
        where = b.text;
        texts.push({ where, text: b.text });
        break;
      case 'paragraph':
        texts.push({ where, text: runs(b.runs) });
        break;
      case 'clause':
        texts.push({ where: b.title ?? where, text: `${b.title ?? ''} ${runs(b.runs)}` });
        break;
      case 'bullets':
        for (const i of b.items) texts.push({ where, text: runs(i) });
        break;
      case 'table':
        texts.push({ where: b.caption ?? where, text: [b.caption ?? '', ...b.header].join(' | ') });
        for (const r of b.rows) texts.push({ where: b.caption ?? where, text: r.map(runs).join(' | ') });
        break;
      case 'signatures':
        for (const s of b.signatories) texts.push({ where: 'Signatures', text: `${s.name} | ${s.position} | ${s.organisation}` });
        break;
      default:
        break;
    }
  }
  return findStaleIn(texts);
}

/** Stale references in the values a person typed, by field label (strings at any depth of a group). */
export function staleInValues(
  fields: readonly { key: string; label: string; fields?: readonly { key: string; label: string }[] | undefined }[],
  values: Record<string, unknown>,
): StaleFinding[] {
  const texts: { where: string; text: string }[] = [];
  for (const f of fields) {
    const v = values[f.key];
    if (typeof v === 'string') texts.push({ where: f.label, text: v });
    else if (Array.isArray(v))
      v.forEach((item, i) => {
        if (typeof item === 'string') texts.push({ where: f.label, text: item });
        else if (item && typeof item === 'object')
          for (const sub of f.fields ?? []) {
            const s = (item as Record<string, unknown>)[sub.key];
            if (typeof s === 'string') texts.push({ where: `${f.label} ${i + 1}: ${sub.label}`, text: s });
          }
      });
  }
  return findStaleIn(texts);
}

/** The findings as one line each, for lists and error details. */
export const describeFinding = (f: StaleFinding) =>
  `${f.where ? `${f.where}: ` : ''}“${f.found}”: ${f.message} Use instead: ${f.suggestion}.`;

type FieldLike = {
  label: string;
  help?: string | undefined;
  placeholder?: string | undefined;
  example?: unknown;
  options?: readonly { label: string; help?: string | undefined }[] | undefined;
  fields?: readonly FieldLike[] | undefined;
};
type BlockLike = {
  type: string;
  text?: string | undefined;
  title?: string | undefined;
  items?: readonly string[] | undefined;
  header?: readonly string[] | undefined;
  rows?: readonly (readonly string[])[] | undefined;
  row?: readonly string[] | undefined;
  caption?: string | undefined;
  children?: readonly BlockLike[] | undefined;
  blocks?: readonly BlockLike[] | undefined;
};

const strings = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(strings)
      : v && typeof v === 'object'
        ? Object.values(v).flatMap(strings)
        : [];

/** Stale references anywhere a template's reader would see them: its guidance, field labels and help, examples and block text. */
export function staleInTemplate(template: {
  title: string;
  description: string;
  guidance: string;
  fields: readonly FieldLike[];
  blocks: readonly BlockLike[];
}): StaleFinding[] {
  const texts: { where: string; text: string }[] = [
    { where: 'Template description', text: `${template.title}\n${template.description}\n${template.guidance}` },
  ];
  const field = (f: FieldLike, prefix: string) => {
    const where = `Field “${prefix}${f.label}”`;
    const parts = [f.label, f.help ?? '', f.placeholder ?? '', ...strings(f.example)];
    for (const o of f.options ?? []) parts.push(o.label, o.help ?? '');
    texts.push({ where, text: parts.join('\n') });
    for (const sub of f.fields ?? []) field(sub, `${f.label}: `);
  };
  template.fields.forEach((f) => field(f, ''));
  let where = 'Document text';
  const block = (b: BlockLike) => {
    if (b.type === 'heading' && b.text) where = `Under “${b.text}”`;
    const parts = [b.text ?? '', b.title ?? '', b.caption ?? '', ...(b.items ?? []), ...(b.header ?? []), ...(b.row ?? [])];
    for (const r of b.rows ?? []) parts.push(...r);
    texts.push({ where, text: parts.join('\n') });
    (b.children ?? []).forEach(block);
    (b.blocks ?? []).forEach(block);
  };
  template.blocks.forEach(block);
  return findStaleIn(texts);
}
