import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fieldHasDefault } from '../../../shared/documents/defaults';
import { templateSchema } from '../../../shared/documents/template-schema';
import type { Condition, Template, TemplateBlock, TemplateField } from '../../../shared/documents/template-schema';

/**
 * The built-in templates are data, so these tests stand in for a compiler: every file parses,
 * every placeholder and condition points at something that exists, every field can be filled
 * with an example, and the law cited is only the law the project's reference facts list.
 */

const DIR = fileURLToPath(new URL('../../../resources/templates/', import.meta.url));
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

type Loaded = { file: string; raw: unknown; template: Template | null; issues: string[] };

function load(file: string): Loaded {
  const raw: unknown = JSON.parse(readFileSync(`${DIR}${file}`, 'utf8'));
  const parsed = templateSchema.safeParse(raw);
  if (parsed.success) return { file, raw, template: parsed.data, issues: [] };
  return { file, raw, template: null, issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

const loaded = files.map(load);
const LONG = new Set(['information-sharing-agreement', 'terms-of-reference']);
const byKey = (key: string): Template => {
  const t = loaded.find((l) => l.template?.key === key)?.template;
  if (!t) throw new Error(`No valid built-in template with key ${key}`);
  return t;
};

// ---------------------------------------------------------------------------------------------
// What a placeholder path may name.

const PARTNERSHIP_KEYS = ['name', 'area', 'coordinatorName', 'coordinatorEmail'];
const DOCUMENT_KEYS = ['title', 'version', 'date', 'marking', 'reviewDate', 'status', 'publicSafe'];
const ORGANISATION_KEYS = ['id', 'name', 'sector', 'address', 'website', 'email', 'phone'];
const CONTACT_KEYS = ['id', 'name', 'jobTitle', 'organisation', 'email', 'phone', 'role'];
const FILTERS = ['longDate', 'upper', 'lower', 'list', 'count', 'yesNo', 'default'];
const LIST_TYPES = new Set(['group', 'organisations', 'contacts', 'multiChoice']);

/** What a name in scope stands for: a field's value, or one item of a list field. */
type Binding = { kind: 'field'; field: TemplateField } | { kind: 'item'; of: TemplateField };
type Scope = ReadonlyMap<string, Binding>;
type Resolved = { ok: true; field: TemplateField | null; viaAlias: boolean } | { ok: false; why: string };

function resolvePath(path: string, scope: Scope): Resolved {
  const [root, ...rest] = path.split('.');
  if (root === 'partnership' || root === 'document') {
    const keys = root === 'partnership' ? PARTNERSHIP_KEYS : DOCUMENT_KEYS;
    if (rest.length !== 1 || !keys.includes(rest[0]!)) return { ok: false, why: `${path}: ${root} has only ${keys.join(', ')}` };
    return { ok: true, field: null, viaAlias: false };
  }
  const binding = scope.get(root!);
  if (!binding) return { ok: false, why: `${path}: "${root}" is neither a field nor an alias in scope` };
  let field: TemplateField;
  let i = 0;
  if (binding.kind === 'item') {
    const of = binding.of;
    if (of.type === 'group') {
      const sub = of.fields?.find((f) => f.key === rest[0]);
      if (!sub) return { ok: false, why: `${path}: an item of ${of.key} has no field "${rest[0] ?? ''}"` };
      field = sub;
      i = 1;
    } else if (of.type === 'organisations') field = { ...of, type: 'organisation' };
    else if (of.type === 'contacts') field = { ...of, type: 'contact' };
    else field = { ...of, type: 'choice' };
  } else if (binding.field.type === 'group' && rest.length > 0) {
    // Through a group to every item's value: parties.role is the list of the parties' roles.
    const sub = binding.field.fields?.find((f) => f.key === rest[0]);
    if (!sub) return { ok: false, why: `${path}: ${binding.field.key} has no field "${rest[0] ?? ''}"` };
    if (rest.length > 1) return { ok: false, why: `${path}: only one level through a group` };
    const listType = sub.type === 'choice' ? 'multiChoice' : sub.type;
    return { ok: true, field: { ...sub, type: listType }, viaAlias: false };
  } else field = binding.field;
  const tail = rest.slice(i);
  if (tail.length === 0) return { ok: true, field, viaAlias: binding.kind === 'item' };
  const keys = field.type === 'contact' ? CONTACT_KEYS : field.type === 'organisation' ? ORGANISATION_KEYS : [];
  if (tail.length !== 1 || !keys.includes(tail[0]!))
    return { ok: false, why: `${path}: ${field.type} "${field.key}" has no "${tail.join('.')}"` };
  return { ok: true, field: null, viaAlias: binding.kind === 'item' };
}

const PLACEHOLDER = /\{\{\s*([^}|]*?)\s*((?:\|[^}]*)?)\}\}/g;

function placeholders(text: string): { path: string; filters: string[] }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({
    path: m[1]!,
    filters: m[2]!
      .split('|')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => f.replace(/\(.*\)$/s, '')),
  }));
}

function blockTexts(block: TemplateBlock): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'guidance':
      return [block.text];
    case 'clause':
      return [block.title ?? '', block.text ?? ''];
    case 'bullets':
      return block.items;
    case 'table':
      return [block.caption ?? '', ...block.header, ...(block.rows ?? []).flat()];
    default:
      return [];
  }
}

/** Walk every block with the scope it sees and whether any condition guards it. */
function walk(
  blocks: readonly TemplateBlock[],
  scope: Scope,
  guarded: boolean,
  visit: (block: TemplateBlock, scope: Scope, guarded: boolean, where: string) => void,
  where = 'blocks',
): void {
  blocks.forEach((block, i) => {
    const here = `${where}[${i}]`;
    visit(block, scope, guarded, here);
    const inner = new Map(scope);
    if (block.repeat) {
      const r = resolvePath(block.repeat, scope);
      if (r.ok && r.field && block.as) inner.set(block.as, { kind: 'item', of: r.field });
    }
    const g = guarded || Boolean(block.when);
    if (block.type === 'clause' && block.children) walk(block.children, inner, g, visit, `${here}.children`);
    if (block.type === 'group') walk(block.blocks, inner, g, visit, `${here}.blocks`);
  });
}

function conditionProblems(c: Condition, scope: Scope): string[] {
  if ('all' in c) return c.all.flatMap((x) => conditionProblems(x, scope));
  if ('any' in c) return c.any.flatMap((x) => conditionProblems(x, scope));
  if ('not' in c) return conditionProblems(c.not, scope);
  const r = resolvePath(c.field, scope);
  if (!r.ok) return [`condition on ${r.why}`];
  const f = r.field;
  if (!f) return [];
  const values = f.options?.map((o) => o.value) ?? [];
  const problems: string[] = [];
  const checkValue = (v: unknown) => {
    if ((f.type === 'choice' || f.type === 'multiChoice') && !values.includes(String(v)))
      problems.push(`condition on ${f.key}: "${String(v)}" is not one of its options (${values.join(', ')})`);
    if (f.type === 'yesNo' && typeof v !== 'boolean')
      problems.push(`condition on ${f.key}: a yes/no field compares with true or false`);
  };
  if ('includes' in c) {
    if (f.type !== 'multiChoice') problems.push(`condition on ${f.key}: "includes" needs a multiple-choice field, not ${f.type}`);
    checkValue(c.includes);
  }
  if ('equals' in c) {
    if (f.type === 'multiChoice') problems.push(`condition on ${f.key}: use "includes" for a multiple-choice field`);
    checkValue(c.equals);
  }
  if ('oneOf' in c) c.oneOf.forEach(checkValue);
  return problems;
}

function templateProblems(t: Template): string[] {
  const problems: string[] = [];
  const top: Scope = new Map(t.fields.map((f) => [f.key, { kind: 'field', field: f } as Binding]));
  walk(t.blocks, top, false, (block, scope, guarded, where) => {
    if (block.when) problems.push(...conditionProblems(block.when, scope).map((p) => `${where}: ${p}`));
    guarded = guarded || Boolean(block.when);
    const inner = new Map(scope);
    if (block.repeat) {
      const r = resolvePath(block.repeat, scope);
      if (!r.ok) problems.push(`${where}: repeat over ${r.why}`);
      else if (!r.field || !LIST_TYPES.has(r.field.type))
        problems.push(`${where}: repeat over ${block.repeat}, which is not a list`);
      if (!block.as) problems.push(`${where}: a repeat needs "as"`);
      if (r.ok && r.field && block.as) inner.set(block.as, { kind: 'item', of: r.field });
    }
    const check = (text: string, s: Scope) => {
      for (const p of placeholders(text)) {
        const r = resolvePath(p.path, s);
        if (!r.ok) problems.push(`${where}: {{ ${r.why} }}`);
        for (const f of p.filters) if (!FILTERS.includes(f)) problems.push(`${where}: unknown filter "${f}" on ${p.path}`);
        // An unguarded placeholder with no default must name a required field, or the document has a gap.
        if (r.ok && r.field && !guarded && !p.filters.includes('default') && !r.field.required && !fieldHasDefault(r.field))
          problems.push(`${where}: {{ ${p.path} }} prints an optional field outside any condition; make it required or guard it`);
      }
    };
    blockTexts(block).forEach((text) => check(text, inner));
    if (block.type === 'table' && block.each) {
      if (block.repeat) problems.push(`${where}: a table uses either "each" or "repeat", not both`);
      const r = resolvePath(block.each, scope);
      const rowScope = new Map(scope);
      if (!r.ok) problems.push(`${where}: each over ${r.why}`);
      else if (!r.field || !LIST_TYPES.has(r.field.type)) problems.push(`${where}: each over ${block.each}, which is not a list`);
      else if (block.as) rowScope.set(block.as, { kind: 'item', of: r.field });
      if (!block.as) problems.push(`${where}: a table with "each" needs "as"`);
      if (!block.row || block.row.length !== block.header.length) problems.push(`${where}: "row" needs one cell per header`);
      (block.row ?? []).forEach((cell) => check(cell, rowScope));
    }
    if (block.type === 'table')
      (block.rows ?? []).forEach((row, r) => {
        if (row.length !== block.header.length)
          problems.push(`${where}: row ${r} has ${row.length} cells for ${block.header.length} headers`);
      });
    if (block.type === 'signatures') {
      const r = resolvePath(block.from, scope);
      if (!r.ok) problems.push(`${where}: signatures from ${r.why}`);
      else if (!r.field || (r.field.type !== 'contacts' && r.field.type !== 'group'))
        problems.push(`${where}: signatures come from a contacts or group field`);
    }
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Example values: the shape "fill with example values" needs. Organisations and contacts are
// given by NAME (strings), which the resolver maps to example directory records.

function exampleProblems(field: TemplateField, value: unknown, where: string): string[] {
  const bad = (why: string) => [`${where} (${field.type}): ${why}`];
  const nonEmptyString = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const options = field.options?.map((o) => o.value) ?? [];
  switch (field.type) {
    case 'text':
    case 'longText':
      if (!nonEmptyString(value)) return bad('example must be a non-empty string');
      if (field.maxLength && (value as string).length > field.maxLength) return bad('example is longer than maxLength');
      return [];
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? [] : bad('example must be an ISO date YYYY-MM-DD');
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('example must be a number');
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))
        return bad('example is out of bounds');
      return [];
    case 'choice':
      return typeof value === 'string' && options.includes(value) ? [] : bad(`example must be one of ${options.join(', ')}`);
    case 'multiChoice':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && options.includes(v))
        ? []
        : bad(`example must be a non-empty list of ${options.join(', ')}`);
    case 'yesNo':
      return typeof value === 'boolean' ? [] : bad('example must be true or false');
    case 'organisation':
    case 'contact':
      return nonEmptyString(value) ? [] : bad('example must be a name');
    case 'organisations':
    case 'contacts':
      return Array.isArray(value) && value.length > 0 && value.every(nonEmptyString)
        ? []
        : bad('example must be a non-empty list of names');
    case 'group': {
      if (!Array.isArray(value) || value.length === 0) return bad('example must be a non-empty list of items');
      if ((field.min !== undefined && value.length < field.min) || (field.max !== undefined && value.length > field.max))
        return bad('example has too few or too many items');
      return value.flatMap((item: unknown, i) => {
        if (typeof item !== 'object' || item === null) return bad(`item ${i} must be an object`);
        const record = item as Record<string, unknown>;
        const subs = field.fields ?? [];
        const unknownKeys = Object.keys(record).filter((k) => !subs.some((s) => s.key === k));
        return [
          ...unknownKeys.map((k) => `${where}[${i}]: "${k}" is not a field of ${field.key}`),
          ...subs.flatMap((s) =>
            record[s.key] === undefined
              ? s.required
                ? [`${where}[${i}].${s.key}: required in every example item`]
                : []
              : exampleProblems(s, record[s.key], `${where}[${i}].${s.key}`),
          ),
        ];
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Law: only what /work/shared/reference/sector-facts.md lists may be cited.

const ACTS = [
  'Modern Slavery Act 2015',
  'Human Trafficking and Exploitation (Scotland) Act 2015',
  'Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015',
  'Nationality and Borders Act 2022',
  'Crime and Disorder Act 1998',
  'Children Act 1989',
  'Children Act 2004',
  'Care Act 2014',
  'Data Protection Act 2018',
  'Data (Use and Access) Act 2025',
  'Freedom of Information Act 2000',
  'Freedom of Information (Scotland) Act 2002',
];
/** Sections each Act may be cited for. */
const SECTIONS: Record<string, string[]> = {
  'Modern Slavery Act 2015': ['1', '2', '3', '14', '15', '23', '40', '41', '42', '43', '44', '45', '48', '49', '52', '54'],
  'Crime and Disorder Act 1998': ['115'],
  'Children Act 1989': ['47', '47(11)'],
  'Children Act 2004': ['11'],
  'Care Act 2014': ['42', '45'],
  'Data Protection Act 2018': ['10(5)', '35', '42', '62', '67', '68', '121', '164A'],
  'Data (Use and Access) Act 2025': ['70', '103'],
};
const ALL_SECTIONS = new Set(Object.values(SECTIONS).flat());
const ARTICLES = new Set([
  '5',
  '6',
  '6(1)',
  ...['a', 'b', 'c', 'd', 'e', 'ea', 'f'].map((l) => `6(1)(${l})`),
  '6(3)',
  '9',
  '9(2)',
  '9(2)(g)',
  '9(2)(h)',
  '10',
  '26',
  '28',
  '33',
  '34',
  '35',
]);
const SCHEDULE_PARAGRAPHS = new Set(['2', '6', '10', '18']);
const SCHEDULES = new Set(['1', '8']);
const PARTS = new Set(['2', '3', '4', '5']);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function lawProblems(text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/\bAct(?: \(Northern Ireland\))? \d{4}/g)) {
    const upTo = text.slice(0, m.index + m[0].length);
    const act = ACTS.find((a) => upTo.endsWith(a));
    if (!act) {
      problems.push(`unlisted Act: "…${upTo.slice(-70)}"`);
      continue;
    }
    const after = /^,? (?:s|section )(\d+[A-Z]?(?:\(\d+\))?)/.exec(text.slice(m.index + m[0].length));
    if (after && !(SECTIONS[act] ?? []).includes(after[1]!)) problems.push(`${act} s${after[1]} is not listed`);
  }
  for (const m of text.matchAll(/\b(?:s|sections?) ?(\d+[A-Z]?(?:\(\d+\))?)(?![\d.])/g))
    if (!ALL_SECTIONS.has(m[1]!) && /^s\d|^sections? \d/.test(m[0])) problems.push(`unlisted section: ${m[0]}`);
  for (const m of text.matchAll(/\bArticles? (\d+(?:\(\d+\))?(?:\([a-z]{1,2}\))?)/g))
    if (!ARTICLES.has(m[1]!)) problems.push(`unlisted Article ${m[1]}`);
  for (const m of text.matchAll(/\b(\d+)\((\d+)\)\(([a-z])\)/g))
    if (!ARTICLES.has(`${m[1]}(${m[2]})(${m[3]})`)) problems.push(`unlisted provision ${m[0]}`);
  for (const m of text.matchAll(/\bSchedule (\d+)/g)) if (!SCHEDULES.has(m[1]!)) problems.push(`unlisted Schedule ${m[1]}`);
  for (const m of text.matchAll(/\bParts? (\d+)/g)) if (!PARTS.has(m[1]!)) problems.push(`unlisted Part ${m[1]}`);
  for (const m of text.matchAll(/\b(?:paragraphs?|paras?) (\d+)/g))
    if (!SCHEDULE_PARAGRAPHS.has(m[1]!)) problems.push(`unlisted Schedule 1 paragraph ${m[1]}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

const headings = (t: Template, levels: number[] = [1, 2, 3]): string[] => {
  const out: string[] = [];
  walk(t.blocks, new Map(), false, (b) => {
    if (b.type === 'heading' && levels.includes(b.level)) out.push(b.text);
  });
  return out;
};
const clauseTitles = (t: Template): string[] => {
  const out: string[] = [];
  walk(t.blocks, new Map(), false, (b) => {
    if (b.type === 'clause' && b.title) out.push(b.title);
  });
  return out;
};
const allBlocks = (t: Template): TemplateBlock[] => {
  const out: TemplateBlock[] = [];
  walk(t.blocks, new Map(), false, (b) => out.push(b));
  return out;
};

describe('built-in templates', () => {
  it('ships the two long templates, and the library the new-templates test checks', () => {
    expect(files).toEqual(expect.arrayContaining(['information-sharing-agreement.json', 'terms-of-reference.json']));
  });

  describe.each(loaded)('$file', (l) => {
    it('parses with the template schema', () => {
      expect(l.issues).toEqual([]);
      expect(`${l.template?.key}.json`).toBe(l.file);
    });

    const t = l.template;
    if (!t) return;
    // The ISA and ToR are long agreements; the rest of the library holds shorter forms and statements.
    const long = LONG.has(t.key);

    it('has placeholders, repeats, tables and signatures that name real fields, aliases or context', () => {
      expect(templateProblems(t).join('\n')).toEqual('');
    });

    it('gives every field an example of the right shape', () => {
      const problems = t.fields.flatMap((f) =>
        f.example === undefined ? [`${f.key}: no example`] : exampleProblems(f, f.example, f.key),
      );
      expect(problems).toEqual([]);
    });

    it('marks required fields, and required groups ask for at least one item', () => {
      expect(t.fields.filter((f) => f.required).length).toBeGreaterThanOrEqual(long ? 8 : 3);
      for (const f of t.fields.filter((x) => x.type === 'group')) expect(f.fields?.some((s) => s.required)).toBe(true);
    });

    it('puts at least one field in every form section', () => {
      for (const s of t.sections)
        expect(
          t.fields.some((f) => f.section === s.key),
          s.key,
        ).toBe(true);
    });

    it('opens with a guidance note: a starting point; take legal and information-governance advice', () => {
      const first = t.blocks[0];
      expect(first?.type).toBe('guidance');
      const text = first && first.type === 'guidance' ? first.text : '';
      expect(text).toMatch(/starting point/i);
      expect(text).toMatch(/legal and information-governance advice/i);
      expect(text).toMatch(/before .*sign/i);
      expect(t.guidance).toMatch(/starting point/i);
    });

    it('cites only the law listed in the sector facts', () => {
      expect(strings(l.raw).flatMap(lawProblems)).toEqual([]);
    });

    it('puts the table of contents after the title matter, before the first main heading', () => {
      const toc = t.blocks.findIndex((b) => b.type === 'toc');
      if (toc === -1 && !long) return;
      const firstHeading = t.blocks.findIndex((b) => b.type === 'heading' && b.level === 1);
      expect(toc).toBeGreaterThan(0);
      expect(toc).toBeLessThan(firstHeading);
    });

    it('starts each appendix on a new page', () => {
      t.blocks.forEach((b, i) => {
        if (b.type === 'heading' && /^Appendix/.test(b.text)) expect(t.blocks[i - 1]?.type).toBe('pageBreak');
      });
    });

    it('uses numbered clauses for the operative text and nests them', () => {
      const clauses = allBlocks(t).filter((b) => b.type === 'clause');
      expect(clauses.length).toBeGreaterThan(long ? 30 : 10);
      expect(t.blocks.some((b) => b.type === 'clause' && (b.children?.length ?? 0) > 0)).toBe(true);
    });

    it('uses plain text without underscores that would toggle italics by accident', () => {
      const stray = strings(t.blocks).filter((s) => /\w_\w/.test(s));
      expect(stray).toEqual([]);
    });
  });

  describe('the checker itself', () => {
    const field = (f: Partial<TemplateField> & Pick<TemplateField, 'key' | 'type'>): TemplateField => ({
      label: f.key,
      section: 's',
      ...f,
    });
    const base: Template = {
      format: 1,
      key: 'x',
      title: 'X',
      category: 'strategy',
      version: '1',
      description: 'd',
      guidance: 'g',
      sections: [{ key: 's', title: 'S' }],
      fields: [
        field({ key: 'who', type: 'contact', required: true }),
        field({ key: 'mode', type: 'multiChoice', options: [{ value: 'a', label: 'A' }] }),
        field({ key: 'rows', type: 'group', fields: [field({ key: 'name', type: 'text', required: true })] }),
      ],
      blocks: [],
    };
    const problemsWith = (blocks: TemplateBlock[]) => templateProblems({ ...base, blocks });

    it('accepts fields, sub-keys of contacts, aliases and context roots', () => {
      expect(
        problemsWith([
          { type: 'paragraph', text: '{{ who }} {{ who.jobTitle }} {{ partnership.name }} {{ document.date | longDate }}' },
          { type: 'table', header: ['Name'], each: 'rows', as: 'row', row: ['{{ row.name }}'] },
          { type: 'clause', repeat: 'rows', as: 'r', text: '{{ r.name }}', when: { field: 'mode', includes: 'a' } },
        ]),
      ).toEqual([]);
    });

    it('rejects unknown names, aliases out of scope, unknown options and unguarded optional fields', () => {
      const problems = problemsWith([
        { type: 'paragraph', text: '{{ nobody }} {{ who.shoeSize }} {{ document.colour }}' },
        { type: 'paragraph', text: '{{ row.name }}' },
        { type: 'clause', when: { field: 'mode', includes: 'z' }, text: 'x' },
        { type: 'clause', when: { field: 'missing', isSet: true }, text: 'x' },
        { type: 'paragraph', text: '{{ mode | shout }}' },
      ]);
      expect(problems.join('\n')).toMatch(/"nobody" is neither/);
      expect(problems.join('\n')).toMatch(/has no "shoeSize"/);
      expect(problems.join('\n')).toMatch(/document has only/);
      expect(problems.join('\n')).toMatch(/"row" is neither/);
      expect(problems.join('\n')).toMatch(/"z" is not one of its options/);
      expect(problems.join('\n')).toMatch(/"missing" is neither/);
      expect(problems.join('\n')).toMatch(/unknown filter "shout"/);
      expect(problems.join('\n')).toMatch(/prints an optional field/);
    });

    it('rejects law that the sector facts do not list', () => {
      expect(lawProblems('Crime and Disorder Act 1998 s115 and Care Act 2014 s42 and s45')).toEqual([]);
      expect(lawProblems('UK GDPR Article 6(1)(e), Article 9(2)(g), Schedule 1 Part 2 paragraph 18')).toEqual([]);
      expect(lawProblems('Human Rights Act 1998')).toHaveLength(1);
      expect(lawProblems('Article 82 UK GDPR')).toHaveLength(1);
      expect(lawProblems('Crime and Disorder Act 1998 s17')).toHaveLength(2);
      expect(lawProblems('Schedule 2 paragraph 4')).toHaveLength(2);
    });
  });
});

describe('terms of reference', () => {
  const t = byKey('terms-of-reference');
  const h = headings(t, [1]);

  it('covers every topic the issue asks for', () => {
    for (const topic of [
      /purpose and vision/i,
      /four Ps/i,
      /membership/i,
      /chair, vice-chair and coordinator/i,
      /meetings/i,
      /quorum and decision/i,
      /sub-groups/i,
      /publication, freedom of information and information sharing/i,
      /when a case concern comes up/i,
      /media and spokespeople/i,
      /resourcing/i,
      /document control/i,
      /conflicts of interest/i,
      /dispute resolution/i,
      /accountability/i,
      /review/i,
      /classification/i,
    ])
      expect(
        h.some((x) => topic.test(x)),
        String(topic),
      ).toBe(true);
    const titles = clauseTitles(t);
    for (const p of [
      'Pursue',
      'Prevent',
      'Protect',
      'Prepare',
      'No delegated authority',
      'Coordinator',
      'Quorum',
      'Membership tiers',
      'Strategy and action plan',
      'Freedom of information',
      'Case concerns',
    ])
      expect(titles).toContain(p);
  });

  it('lists the members in a table, one row per organisation, and ends with signatures', () => {
    expect(t.fields.find((f) => f.key === 'members')?.type).toBe('organisations');
    expect(allBlocks(t).some((b) => b.type === 'table' && b.each === 'members')).toBe(true);
    expect(t.blocks.at(-1)).toEqual({ type: 'signatures', from: 'signatories', onBehalfOf: '{{ partnership.name }}' });
  });

  it('offers every meeting frequency and decision fallback as a clause', () => {
    const conditions = JSON.stringify(t.blocks);
    for (const v of ['monthly', 'bimonthly', 'quarterly', 'other']) expect(conditions).toContain(`"equals":"${v}"`);
    for (const v of ['majorityVote', 'chairDecides', 'referUp']) expect(conditions).toContain(`"equals":"${v}"`);
  });
});

describe('information sharing agreement', () => {
  const t = byKey('information-sharing-agreement');
  const h = headings(t, [1, 2]);
  const titles = clauseTitles(t);
  const hasHeading = (re: RegExp) => h.some((x) => re.test(x));
  const hasTitle = (re: RegExp) => titles.some((x) => re.test(x));
  const blocks = allBlocks(t);
  const json = JSON.stringify(t.blocks);

  /** Every item of the ICO Data Sharing Code's agreement checklist, as listed in sector-facts.md. */
  const ICO_CHECKLIST: [string, () => boolean][] = [
    ['the purpose of the sharing', () => hasHeading(/^Purpose of the sharing$/)],
    ['the organisations involved and their roles', () => hasHeading(/^Parties and their roles$/) && hasTitle(/^Roles$/)],
    ['the data items to be shared', () => hasHeading(/^Data items to be shared$/)],
    ['the lawful basis', () => hasHeading(/^Legal basis for sharing$/) && hasTitle(/^Article 6 lawful basis$/)],
    ['any Article 9 conditions', () => hasTitle(/^Special category data$/) && JSON.stringify(t).includes('Article 9(2)(g)')],
    ['any Article 10 conditions', () => hasTitle(/^Criminal offence data$/) && json.includes('Article 10')],
    ['access requests', () => hasHeading(/^Individuals' rights$/) && hasTitle(/^Subject access requests$/)],
    ['objections', () => hasTitle(/^Objections/)],
    ['complaints', () => hasTitle(/^Complaints$/)],
    ['data standards and accuracy', () => hasHeading(/^Data quality and accuracy$/) && hasTitle(/^Data standards$/)],
    ['retention and deletion', () => hasHeading(/^Retention and deletion$/)],
    ['security', () => hasHeading(/^Security$/)],
    ['breach handling', () => hasHeading(/breaches$/)],
    ['staff training', () => hasHeading(/^Staff training$/)],
    ['how the agreement is reviewed', () => hasHeading(/^Review of this agreement$/)],
    ['what happens when a party fails to comply', () => hasHeading(/^Failure to comply$/)],
    ['the date', () => json.includes('takes effect on {{ startDate | longDate }}')],
    ['signatures', () => hasHeading(/^Signatures$/) && blocks.some((b) => b.type === 'signatures' && b.from === 'parties')],
  ];

  it.each(ICO_CHECKLIST)('covers the ICO checklist item: %s', (_item, covered) => {
    expect(covered()).toBe(true);
  });

  it('covers the rest of the structure the issue and the toolkit describe', () => {
    for (const re of [
      /^Document control$/,
      /^Version history$/,
      /^Introduction and scope$/,
      /^Power to share$/,
      /^Law enforcement processing$/,
      /^Data subjects$/,
      /^How requests are made and how data moves$/,
      /^Conditions of use and onward disclosure$/,
      /^Freedom of information$/,
      /^Data protection impact assessment$/,
      /^Dispute resolution$/,
      /^Termination and withdrawal$/,
      /^Appendix A: Confidentiality statement$/,
      /^Appendix B: Information request form$/,
      /^Appendix C: Single points of contact$/,
      /^Appendix D: Log of decisions to share$/,
    ])
      expect(hasHeading(re), String(re)).toBe(true);
    expect(hasTitle(/^Overarching protocol$/)).toBe(true);
    expect(json).toContain('Freedom of Information Act 2000');
    expect(json).toContain('Freedom of Information (Scotland) Act 2002');
    expect(json).toContain('UK GDPR Article 35');
  });

  it("builds the legal basis from each party's choices: one clause per power, Article 6 basis and Schedule 1 condition", () => {
    const conditions = blocks
      .filter((b) => b.type === 'clause' && b.when)
      .map((b) => JSON.stringify(b.when))
      .join('\n');
    const included = (_field: string) => conditions;
    const parties = t.fields.find((f) => f.key === 'parties');
    for (const sub of ['powers', 'article6', 'article9']) {
      const options = parties?.fields?.find((f) => f.key === sub)?.options?.map((o) => o.value) ?? [];
      expect(options.length, sub).toBeGreaterThan(0);
      for (const v of options)
        expect(included(sub), `${sub} includes ${v}`).toContain(`{"field":"parties.${sub}","includes":"${v}"}`);
    }
    for (const field of ['purposes', 'dataSubjects', 'transferMethods']) {
      const options = t.fields.find((f) => f.key === field)?.options?.map((o) => o.value) ?? [];
      for (const v of options)
        expect(included(field), `${field} includes ${v}`).toContain(`{"field":"${field}","includes":"${v}"}`);
    }
    const f = blocks.find((b) => b.type === 'clause' && b.title === 'Legitimate interests');
    expect(f && f.type === 'clause' ? f.text : '').toMatch(/public authority cannot rely on this basis/);
  });

  it('tabulates parties, data items and single points of contact one row per item', () => {
    const tables = blocks.filter((b) => b.type === 'table');
    const parties = t.fields.find((f) => f.key === 'parties');
    expect(parties?.fields?.map((f) => [f.key, f.type])).toEqual([
      ['organisation', 'organisation'],
      ['legalName', 'text'],
      ['role', 'choice'],
      ['spoc', 'contact'],
      ['powers', 'multiChoice'],
      ['article6', 'choice'],
      ['article9', 'multiChoice'],
      ['lawEnforcement', 'choice'],
      ['policyDocument', 'text'],
      ['signatory', 'contact'],
      ['signatoryRole', 'choice'],
      ['dpoConsulted', 'date'],
      ['secureMailbox', 'text'],
      ['retention', 'text'],
      ['deletionTrigger', 'text'],
    ]);
    expect(parties?.fields?.[2]?.options?.map((o) => o.value)).toEqual(['controller', 'jointController', 'processor']);
    expect(tables.filter((b) => b.type === 'table' && b.each === 'parties')).toHaveLength(6);
    const items = tables.find((b) => b.type === 'table' && b.each === 'dataItems');
    expect(items && items.type === 'table' ? items.header : []).toEqual([
      'Data item',
      'Why it is needed',
      'Special category',
      'Source',
      'Shared with',
    ]);
    const log = tables.find((b) => b.type === 'table' && b.header[0] === 'Date and time');
    expect(log && log.type === 'table' ? log.header : []).toEqual([
      'Date and time',
      'What was shared',
      'Why',
      'With whom',
      'Justification',
      'Consent sought?',
      'Decided by',
    ]);
    const form = tables.find((b) => b.type === 'table' && b.header.join() === 'Question,Answer');
    expect(form && form.type === 'table' ? form.rows?.every((r) => r[1] === '') : false).toBe(true);
  });
});

describe('example directory', () => {
  const readme = readFileSync(`${DIR}README.md`, 'utf8');
  /** The rows of the first markdown table after a heading. */
  const tableAfter = (heading: string): string[][] => {
    const rest = readme.slice(readme.indexOf(heading) + heading.length).split('\n');
    const start = rest.findIndex((l) => l.startsWith('|'));
    const rows: string[][] = [];
    for (const line of rest.slice(start + 2)) {
      if (!line.startsWith('|')) break;
      rows.push(
        line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    }
    return rows;
  };
  const orgs = new Map(tableAfter('### Example organisations').map(([name, sector]) => [name!, sector!]));
  const people = new Map(tableAfter('### Example people').map(([name, jobTitle, org]) => [name!, { jobTitle, org: org! }]));

  /** Every organisation and contact name used as an example, with where it was found. */
  const names = (fields: readonly TemplateField[], value: (f: TemplateField) => unknown, at: string) => {
    const out: { kind: 'organisation' | 'contact'; name: string; at: string }[] = [];
    for (const f of fields) {
      const v = value(f);
      if (v === undefined) continue;
      const list = Array.isArray(v) ? v : [v];
      if (f.type === 'organisation' || f.type === 'organisations')
        for (const n of list) out.push({ kind: 'organisation', name: String(n), at: `${at}${f.key}` });
      if (f.type === 'contact' || f.type === 'contacts')
        for (const n of list) out.push({ kind: 'contact', name: String(n), at: `${at}${f.key}` });
      if (f.type === 'group')
        list.forEach((item, i) =>
          out.push(...names(f.fields ?? [], (s) => (item as Record<string, unknown>)[s.key], `${at}${f.key}[${i}].`)),
        );
    }
    return out;
  };

  it('lists every organisation and person that a template example names', () => {
    expect(orgs.size).toBeGreaterThan(3);
    expect(people.size).toBeGreaterThan(3);
    for (const p of people.values()) expect(orgs.has(p.org), p.org).toBe(true);
    for (const l of loaded) {
      const t = l.template!;
      for (const n of names(t.fields, (f) => f.example, `${t.key}: `))
        expect(n.kind === 'organisation' ? orgs.has(n.name) : people.has(n.name), `${n.at} → ${n.name}`).toBe(true);
    }
  });

  it("gives each example party a single point of contact from that party's own organisation", () => {
    const parties = byKey('information-sharing-agreement').fields.find((f) => f.key === 'parties')?.example as {
      organisation: string;
      spoc: string;
    }[];
    for (const p of parties) expect(people.get(p.spoc)?.org).toBe(p.organisation);
  });
});
