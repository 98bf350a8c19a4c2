import { z } from 'zod';
import { dateProblem } from '../dates';
import { hasControlCharacters } from '../contract/common';
import type { Template, TemplateField } from './template-schema';
import { templateSchema } from './template-schema';
import { checkTemplate } from './template-checks';

/**
 * The values of a document, checked against its template's fields when a draft is saved: each
 * value has the shape of its field (text is text and not too long, a date is a date, an
 * organisation is a directory id…). Required fields are not enforced here (a draft may be
 * half-filled); agreeing a document checks them.
 */
const isoDate = z.string().superRefine((v, ctx) => {
  const problem = v === '' ? null : dateProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const directoryId = z.number().int().positive();

function fieldSchema(f: TemplateField): z.ZodType {
  switch (f.type) {
    case 'text':
      return z
        .string()
        .max(f.maxLength ?? 2_000, `${f.label} must be at most ${f.maxLength ?? 2_000} characters`)
        .refine((v) => !hasControlCharacters(v, true), `${f.label} contains a control character that cannot be stored`);
    case 'longText':
      return z
        .string()
        .max(f.maxLength ?? 200_000, `${f.label} must be at most ${f.maxLength ?? 200_000} characters`)
        .refine((v) => !hasControlCharacters(v, true), `${f.label} contains a control character that cannot be stored`);
    case 'date':
      return isoDate;
    case 'number': {
      let n = z.number().finite();
      if (f.min !== undefined) n = n.min(f.min, `${f.label} must be at least ${f.min}`);
      if (f.max !== undefined) n = n.max(f.max, `${f.label} must be at most ${f.max}`);
      return n;
    }
    case 'choice':
      return z.union([z.literal(''), z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]])]);
    case 'multiChoice':
      return z.array(z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]])).max(100);
    case 'yesNo':
      return z.boolean();
    case 'organisation':
    case 'contact':
      return directoryId;
    case 'organisations':
    case 'contacts':
      return z.array(directoryId).max(500);
    case 'group': {
      const shape: Record<string, z.ZodType> = {};
      for (const sub of f.fields ?? []) shape[sub.key] = fieldSchema(sub).nullable().optional();
      return z.array(z.object(shape).strict()).max(f.max ?? 500);
    }
  }
}

export function valuesSchema(template: Template): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of template.fields) shape[f.key] = fieldSchema(f).nullable().optional();
  return z.object(shape).strict() as unknown as z.ZodType<Record<string, unknown>>;
}

/** The organisations field that names the parties, and the contacts field of the signatories. */
export function partiesField(template: Template): TemplateField | undefined {
  return (
    template.fields.find((f) => f.key === 'parties' && f.type === 'organisations') ??
    template.fields.find((f) => f.type === 'organisations')
  );
}
/**
 * The organisation ids of a document's parties: the organisations field above, or else the
 * organisation of each item of a group called "parties" (the information sharing agreement
 * records each party with its role and contact).
 */
export function partyIds(template: Template, values: Record<string, unknown>): number[] {
  const ids = (v: unknown) => (Array.isArray(v) ? v : [v]).filter((x): x is number => typeof x === 'number');
  const pf = partiesField(template);
  if (pf) return ids(values[pf.key]);
  const group = template.fields.find((f) => f.key === 'parties' && f.type === 'group');
  const sub = group?.fields?.find((f) => f.type === 'organisation');
  const items = group ? values[group.key] : undefined;
  if (!group || !sub || !Array.isArray(items)) return [];
  return items.flatMap((item) => (item && typeof item === 'object' ? ids((item as Record<string, unknown>)[sub.key]) : []));
}

export function signatoriesField(template: Template): TemplateField | undefined {
  return (
    template.fields.find((f) => f.key === 'signatories' && f.type === 'contacts') ??
    template.fields.find((f) => f.type === 'contacts')
  );
}

/**
 * The post ids of a document's signatories: the contacts field above, or else the contact field
 * `signatory` of each item of the "parties" group (one signatory per party).
 */
export function signatoryIds(template: Template, values: Record<string, unknown>): number[] {
  const sf = signatoriesField(template);
  const v = sf ? values[sf.key] : undefined;
  if (sf) return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  const group = template.fields.find((f) => f.key === 'parties' && f.type === 'group');
  const sub = group?.fields?.find((f) => f.key === 'signatory' && f.type === 'contact');
  const items = group ? values[group.key] : undefined;
  if (!group || !sub || !Array.isArray(items)) return [];
  const out = items.flatMap((item) => {
    const id = item && typeof item === 'object' ? (item as Record<string, unknown>)[sub.key] : undefined;
    return typeof id === 'number' ? [id] : [];
  });
  return [...new Set(out)];
}

/** Every directory id a set of values mentions, so main can look up just those. */
export function directoryIds(
  template: Template,
  values: Record<string, unknown>,
): { organisations: number[]; contacts: number[] } {
  const orgs = new Set<number>();
  const contacts = new Set<number>();
  const visit = (fields: readonly TemplateField[], vals: Record<string, unknown>) => {
    for (const f of fields) {
      const v = vals[f.key];
      if (v === undefined || v === null) continue;
      const ids = Array.isArray(v) ? v : [v];
      if (f.type === 'organisation' || f.type === 'organisations') ids.forEach((x) => typeof x === 'number' && orgs.add(x));
      if (f.type === 'contact' || f.type === 'contacts') ids.forEach((x) => typeof x === 'number' && contacts.add(x));
      if (f.type === 'group' && Array.isArray(v))
        for (const item of v) if (item && typeof item === 'object') visit(f.fields ?? [], item as Record<string, unknown>);
    }
  };
  visit(template.fields, values);
  return { organisations: [...orgs], contacts: [...contacts] };
}

export type TemplateProblem = { path: string; message: string; line?: number };

/** The line (1-based) where the value at a JSON path starts, found by a small scanner. */
export function lineOfPath(text: string, path: readonly (string | number)[]): number | undefined {
  let i = 0;
  let line = 1;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const str = (): string => {
    let out = '';
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        out += text[i + 1];
        i += 2;
        continue;
      }
      out += text[i];
      i++;
    }
    i++;
    return out;
  };
  const skip = (): void => {
    ws();
    const c = text[i];
    if (c === '"') str();
    else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (c === '{') {
          str();
          ws();
          i++;
        }
        skip();
        ws();
        if (text[i] === ',') i++;
        else {
          i++;
          return;
        }
      }
    } else while (i < text.length && !/[,}\]\s]/.test(text[i]!)) i++;
  };
  for (const seg of path) {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      let found = false;
      for (;;) {
        ws();
        if (text[i] !== '"') return undefined;
        const k = str();
        ws();
        i++;
        if (k === String(seg)) {
          found = true;
          break;
        }
        skip();
        ws();
        if (text[i] === ',') i++;
        else return undefined;
      }
      if (!found) return undefined;
    } else if (c === '[') {
      i++;
      for (let n = 0; n < Number(seg); n++) {
        skip();
        ws();
        if (text[i] === ',') i++;
        else return undefined;
      }
    } else return undefined;
  }
  ws();
  return line;
}

/**
 * Validate a template file's text: JSON syntax, the schema, then the checks the schema cannot make.
 * Each problem says where it is (the JSON path and, when found, the line).
 */
export function validateTemplateText(input: string): { template?: Template; problems: TemplateProblem[] } {
  // Files saved by Windows editors often start with a byte-order mark, which JSON does not allow.
  const text = input.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : 'The file is not valid JSON';
    const pos = /position (\d+)/.exec(message);
    const lineMatch = /line (\d+)/.exec(message);
    const line = lineMatch ? Number(lineMatch[1]) : pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    return { problems: [{ path: '', message: `Not valid JSON: ${message}`, ...(line ? { line } : {}) }] };
  }
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.slice(0, 50).map((issue) => {
        const path = issue.path.map(String);
        const line = lineOfPath(text, issue.path as (string | number)[]);
        return { path: path.join('.'), message: issue.message, ...(line ? { line } : {}) };
      }),
    };
  }
  const problems = checkTemplate(parsed.data).map((p): TemplateProblem => {
    const [where, ...rest] = p.split(': ');
    const segs = where!.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const line = lineOfPath(text, segs);
    return { path: where!, message: rest.join(': '), ...(line ? { line } : {}) };
  });
  return problems.length > 0 ? { problems } : { template: parsed.data, problems: [] };
}

/**
 * Values made on one version of a template, carried over to another by field key: each value that
 * still fits its field is kept, group items keep the sub-fields that still exist, and anything
 * else is left out (and named in `dropped`), so a revision on a new template starts from what the
 * old draft said.
 */
export function carryValues(
  template: Template,
  old: Record<string, unknown>,
): { values: Record<string, unknown>; dropped: string[] } {
  const schema = valuesSchema(template);
  const values: Record<string, unknown> = {};
  const dropped: string[] = [];
  const fields = new Map(template.fields.map((f) => [f.key, f]));
  for (const [key, raw] of Object.entries(old)) {
    const f = fields.get(key);
    if (!f) {
      dropped.push(key);
      continue;
    }
    let v = raw;
    if (f.type === 'group' && Array.isArray(raw)) {
      const subs = new Set((f.fields ?? []).map((s) => s.key));
      v = raw.map((item) =>
        item && typeof item === 'object'
          ? Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([k]) => subs.has(k)))
          : item,
      );
    }
    if (schema.safeParse({ [key]: v }).success) values[key] = v;
    else dropped.push(key);
  }
  return { values, dropped };
}

/** Compare dotted version labels numerically ("1.10" is after "1.9"); labels that are not numbers compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}
