import { reviewDateFor } from './gaps';
import type { Filter, Printed, Token } from './placeholders';
import { joinList, longDate, parseText, runsText, toRuns } from './placeholders';
import type { Condition, Template, TemplateBlock, TemplateField } from './template-schema';
import type { Block, DocumentTree, Run, Signatory, TableCell } from './tree';
import { SECTORS } from '../partners/sectors';
import { applyDefaults } from './defaults';
import type { DirectoryContact, DirectoryOrganisation, ResolveContext, Values } from './resolve-context';
import { CONTEXT_LABELS, defaultsFor, gapText, keyToWords, PROPERTY_LABELS } from './resolve-context';

export type { DirectoryContact, DirectoryOrganisation, ResolveContext, Values } from './resolve-context';
export { defaultsFor, gapText, keyToWords } from './resolve-context';
export { checkTemplate } from './template-checks';

/** An organisation's sector prints as its name (the key is what conditions compare). */
const SECTOR_FIELD: TemplateField = {
  key: 'sector',
  label: 'Sector',
  type: 'choice',
  section: 'sector',
  options: SECTORS.map((s) => ({ value: s.key, label: s.label })),
};

const WITHHELD = 'withheld for publication';

type OrgValue = DirectoryOrganisation & { kind: 'organisation' };
type ContactValue = DirectoryContact & { kind: 'contact'; role: string };

/** A value with what is known of its type: the field it came from, or the group its item belongs to. */
type Typed = { value: unknown; field?: TemplateField | undefined; label: string };

type Scope = ReadonlyMap<string, Typed>;

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Resolver {
  private readonly fields = new Map<string, TemplateField>();
  private readonly reviewDate: string;

  constructor(
    private readonly template: Template,
    private readonly values: Values,
    private readonly ctx: ResolveContext,
  ) {
    for (const f of template.fields) this.fields.set(f.key, f);
    this.reviewDate = reviewDateFor(template, values, ctx.document.date, ctx.document.reviewDate) ?? '';
  }

  private organisation(id: unknown): OrgValue | undefined {
    const n = typeof id === 'number' ? id : Number(id);
    const o = this.ctx.directory?.organisations.get(n);
    return o ? { ...o, kind: 'organisation' } : undefined;
  }

  private contact(id: unknown): ContactValue | undefined {
    const n = typeof id === 'number' ? id : Number(id);
    const c = this.ctx.directory?.contacts.get(n);
    if (!c) return undefined;
    const role = c.jobTitle || 'Representative';
    if (this.ctx.publicSafe) return { ...c, kind: 'contact', role, name: role, email: WITHHELD, phone: WITHHELD };
    return { ...c, kind: 'contact', role };
  }

  /** Turn a stored value into what templates see: directory ids become organisations and contacts. */
  private expand(raw: unknown, field: TemplateField | undefined): unknown {
    if (!field || raw === undefined || raw === null) return raw;
    switch (field.type) {
      case 'organisation':
        return this.organisation(raw);
      case 'organisations':
        return Array.isArray(raw) ? raw.map((id) => this.organisation(id)).filter(Boolean) : [];
      case 'contact':
        return this.contact(raw);
      case 'contacts':
        return Array.isArray(raw) ? raw.map((id) => this.contact(id)).filter(Boolean) : [];
      case 'group':
        return Array.isArray(raw) ? raw.filter(isObject) : [];
      default:
        return raw;
    }
  }

  /** The field describing one element of a list-valued field, for repeats and table rows. */
  private elementField(field: TemplateField | undefined): TemplateField | undefined {
    if (!field) return undefined;
    if (field.type === 'organisations') return { ...field, type: 'organisation' };
    if (field.type === 'contacts') return { ...field, type: 'contact' };
    if (field.type === 'group') return { ...field, key: field.key, type: 'group', itemLabel: field.itemLabel ?? 'item' };
    if (field.type === 'multiChoice') return { ...field, type: 'choice' };
    return undefined;
  }

  lookup(path: string, scope: Scope): Typed {
    const [root, ...rest] = path.split('.');
    let current: Typed;
    const alias = scope.get(root!);
    const context = root === 'partnership' || root === 'document' ? CONTEXT_LABELS[root] : undefined;
    if (alias) current = alias;
    else if (context && rest.length === 1) {
      const value: Record<string, unknown> =
        root === 'partnership'
          ? this.ctx.partnership
          : { ...this.ctx.document, reviewDate: this.reviewDate, publicSafe: this.ctx.publicSafe === true };
      return { value: value[rest[0]!], label: context[rest[0]!] ?? keyToWords(rest[0]!) };
    } else if (context) current = { value: undefined, label: keyToWords(path) };
    else {
      const field = this.fields.get(root!);
      current = { value: this.expand(this.values[root!], field), field, label: field?.label ?? keyToWords(root!) };
    }
    for (const seg of rest) {
      const v = current.value;
      // Inside one item of a group, the item's own fields describe its values.
      const isGroupItem = current.field?.type === 'group' && isObject(v);
      if (isGroupItem) {
        const sub = current.field!.fields?.find((f) => f.key === seg);
        current = {
          value: this.expand(v[seg], sub),
          field: sub,
          label: sub ? `${current.label}: ${sub.label}` : keyToWords(seg),
        };
      } else if (current.field?.type === 'group' && Array.isArray(v)) {
        // Through a group to every item's value: parties.role is the list of the parties' roles.
        const sub = current.field.fields?.find((f) => f.key === seg);
        const all = v.filter(isObject).flatMap((item) => {
          const x = this.expand(item[seg], sub);
          return isEmpty(x) ? [] : Array.isArray(x) ? x : [x];
        });
        const listField: TemplateField | undefined =
          sub && (sub.type === 'choice' || sub.type === 'multiChoice')
            ? { ...sub, type: 'multiChoice' }
            : sub?.type === 'organisation'
              ? { ...sub, type: 'organisations' }
              : sub?.type === 'contact'
                ? { ...sub, type: 'contacts' }
                : undefined;
        current = { value: all, field: listField, label: sub?.label ?? seg };
      } else if (isObject(v) && v.kind === 'organisation' && seg === 'sector') {
        current = { value: v.sector, field: SECTOR_FIELD, label: `${current.label}: sector` };
      } else {
        const word = PROPERTY_LABELS[seg] ?? keyToWords(seg);
        current = { value: isObject(v) ? v[seg] : undefined, label: `${current.label}: ${word}` };
      }
    }
    return current;
  }

  /** How a value prints in running text. */
  print(t: Typed): string {
    const v = t.value;
    if (isEmpty(v)) return '';
    const f = t.field;
    if (Array.isArray(v)) {
      const el = this.elementField(f);
      return joinList(v.map((x) => this.print({ value: x, field: el, label: t.label })));
    }
    if (f?.type === 'choice' || f?.type === 'multiChoice') return f.options?.find((o) => o.value === v)?.label ?? String(v);
    if (f?.type === 'yesNo' || typeof v === 'boolean') return v === true || v === 'yes' ? 'Yes' : 'No';
    if (f?.type === 'number' && typeof v === 'number') return v.toLocaleString('en-GB');
    if (isObject(v)) {
      if (v.kind === 'contact') {
        const c = v as ContactValue;
        return this.ctx.publicSafe ? `${c.role}, ${c.organisation}` : c.name;
      }
      if (typeof v.name === 'string') return v.name;
      // A group item: its first field that prints.
      const first = f?.fields?.[0];
      return first ? this.print({ value: this.expand(v[first.key], first), field: first, label: first.label }) : '';
    }
    if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? longDate(v) : v;
    return String(v);
  }

  private applyFilters(t: Typed, filters: readonly Filter[]): Printed {
    let text: string | null = null;
    let missing = isEmpty(t.value);
    for (const f of filters) {
      switch (f.name) {
        case 'default':
          if (missing || text === '') {
            text = f.arg ?? '';
            missing = false;
          }
          break;
        case 'count':
          text = String(Array.isArray(t.value) ? t.value.length : missing ? 0 : 1);
          missing = false;
          break;
        case 'yesNo':
          text = t.value === true || t.value === 'yes' ? 'Yes' : 'No';
          missing = false;
          break;
        case 'longDate':
          if (!missing) text = longDate(text ?? String(t.value));
          break;
        case 'list':
          if (!missing) text = Array.isArray(t.value) ? this.print(t) : (text ?? this.print(t));
          break;
        case 'upper':
          if (!missing) text = (text ?? this.print(t)).toLocaleUpperCase('en-GB');
          break;
        case 'lower':
          if (!missing) text = (text ?? this.print(t)).toLocaleLowerCase('en-GB');
          break;
        default:
          return { text: `[unknown filter: ${f.name}]`, missing: true };
      }
    }
    if (missing) return { text: gapText(t.label), missing: true };
    return { text: text ?? this.print(t) };
  }

  runs(text: string, scope: Scope): Run[] {
    return toRuns(parseText(text), (p: Extract<Token, { kind: 'placeholder' }>) =>
      this.applyFilters(this.lookup(p.path, scope), p.filters),
    );
  }

  plain(text: string, scope: Scope): string {
    return runsText(this.runs(text, scope));
  }

  test(c: Condition, scope: Scope): boolean {
    if ('all' in c) return c.all.every((x) => this.test(x, scope));
    if ('any' in c) return c.any.some((x) => this.test(x, scope));
    if ('not' in c) return !this.test(c.not, scope);
    const t = this.lookup(c.field, scope);
    const raw = (v: unknown): unknown => (isObject(v) && 'id' in v ? v.id : v);
    const v = t.value;
    if ('isSet' in c) return !isEmpty(v);
    if ('isNotSet' in c) return isEmpty(v);
    if ('equals' in c) return same(raw(v), c.equals);
    if ('oneOf' in c) return c.oneOf.some((x) => same(raw(v), x));
    if ('includes' in c) return Array.isArray(v) && v.some((x) => String(raw(x)) === c.includes);
    return false;
  }

  blocks(list: readonly TemplateBlock[], scope: Scope, depth: number, out: Block[]): void {
    for (const b of list) this.block(b, scope, depth, out);
  }

  private block(b: TemplateBlock, scope: Scope, depth: number, out: Block[]): void {
    if (b.repeat) {
      const list = this.lookup(b.repeat, scope);
      const items = Array.isArray(list.value) ? list.value : isEmpty(list.value) ? [] : [list.value];
      const el = this.elementField(list.field);
      const name = b.as ?? 'item';
      items.forEach((item, i) => {
        const inner = new Map(scope);
        inner.set(name, { value: item, field: el, label: `${list.label} ${i + 1}` });
        if (b.when && !this.test(b.when, inner)) return;
        this.single(b, inner, depth, out);
      });
      return;
    }
    if (b.when && !this.test(b.when, scope)) return;
    this.single(b, scope, depth, out);
  }

  private single(b: TemplateBlock, scope: Scope, depth: number, out: Block[]): void {
    switch (b.type) {
      case 'heading':
        out.push({ kind: 'heading', level: b.level, text: this.plain(b.text, scope) });
        return;
      case 'paragraph': {
        const runs = this.runs(b.text, scope);
        if (runs.length > 0) out.push({ kind: 'paragraph', runs });
        return;
      }
      case 'clause': {
        const level = Math.min(3, depth + 1) as 1 | 2 | 3;
        const clause: Block = { kind: 'clause', level, runs: b.text ? this.runs(b.text, scope) : [] };
        if (b.title) clause.title = this.plain(b.title, scope);
        out.push(clause);
        if (b.children) this.blocks(b.children, scope, level, out);
        return;
      }
      case 'bullets': {
        const items: Run[][] = [];
        for (const item of b.items) {
          // A bullet that is just one list placeholder becomes one bullet per element.
          const tokens = parseText(item.trim());
          const only = tokens.length === 1 && tokens[0]!.kind === 'placeholder' ? tokens[0] : null;
          if (only && only.filters.length === 0) {
            const t = this.lookup(only.path, scope);
            if (Array.isArray(t.value) && t.value.length > 0) {
              const el = this.elementField(t.field);
              for (const x of t.value) items.push([{ text: this.print({ value: x, field: el, label: t.label }) }]);
              continue;
            }
          }
          const runs = this.runs(item, scope);
          if (runs.length > 0) items.push(runs);
        }
        if (items.length > 0) out.push({ kind: 'bullets', items });
        return;
      }
      case 'table': {
        const rows: TableCell[][] = (b.rows ?? []).map((r) => r.map((cell) => this.runs(cell, scope)));
        if (b.each && b.row) {
          const list = this.lookup(b.each, scope);
          const el = this.elementField(list.field);
          const items = Array.isArray(list.value) ? list.value : [];
          const name = b.as ?? 'item';
          items.forEach((item, i) => {
            const inner = new Map(scope);
            inner.set(name, { value: item, field: el, label: `${list.label} ${i + 1}` });
            rows.push(b.row!.map((cell) => this.runs(cell, inner)));
          });
          if (items.length === 0)
            rows.push(b.header.map((_, i) => (i === 0 ? [{ text: gapText(list.label), missing: true }] : [])));
        }
        const table: Block = { kind: 'table', header: b.header.map((h) => this.plain(h, scope)), rows };
        if (b.caption) table.caption = this.plain(b.caption, scope);
        if (b.widths) table.widths = b.widths;
        out.push(table);
        return;
      }
      case 'signatures': {
        let signatories = this.signatories(b.from, scope, b.person, b.organisation, b.capacity);
        if (b.onBehalfOf) {
          const body = this.plain(b.onBehalfOf, scope);
          signatories = signatories.map((x) => ({ ...x, organisation: `For and on behalf of ${body}` }));
        } else if (b.onBehalf)
          signatories = signatories.map((x) =>
            x.organisation ? { ...x, organisation: `For and on behalf of ${x.organisation}` } : x,
          );
        out.push({ kind: 'signatures', signatories });
        return;
      }
      case 'pageBreak':
        out.push({ kind: 'pageBreak' });
        return;
      case 'toc':
        out.push({ kind: 'toc' });
        return;
      case 'guidance':
        if (this.ctx.includeGuidance !== false) out.push({ kind: 'guidance', runs: this.runs(b.text, scope) });
        return;
      case 'group':
        this.blocks(b.blocks, scope, depth, out);
        return;
    }
  }

  /** Signatories from a contacts field, or from a group whose items have name / position / organisation. */
  private signatories(from: string, scope: Scope, person?: string, orgKey?: string, capacity?: string): Signatory[] {
    const t = this.lookup(from, scope);
    const items = Array.isArray(t.value) ? t.value : isEmpty(t.value) ? [] : [t.value];
    const el = this.elementField(t.field);
    if (person) return items.filter(isObject).map((item) => this.itemSignatory(item, el, person, orgKey, capacity));
    return items.map((item): Signatory => {
      if (isObject(item) && item.kind === 'contact') {
        const c = item as ContactValue;
        const signed = this.ctx.signed?.get(c.id);
        return { name: c.name, position: c.jobTitle, organisation: c.organisation, signedOn: signed ? longDate(signed) : '' };
      }
      if (isObject(item)) {
        const get = (key: string) => {
          const sub = el?.fields?.find((f) => f.key === key);
          return this.print({ value: this.expand(item[key], sub), field: sub, label: sub?.label ?? key });
        };
        const position = get('position') || get('jobTitle') || get('role');
        const name = this.ctx.publicSafe ? position || 'Representative' : get('name');
        return { name, position, organisation: get('organisation'), signedOn: get('signedOn') };
      }
      return { name: String(item), position: '', organisation: '', signedOn: '' };
    });
  }

  /** One signatory per group item: the item's contact field `person` signs for the item's organisation. */
  private itemSignatory(
    item: Record<string, unknown>,
    el: TemplateField | undefined,
    person: string,
    orgKey: string | undefined,
    capacity: string | undefined,
  ): Signatory {
    const sub = (key: string) => el?.fields?.find((f) => f.key === key);
    const get = (key: string) => this.print({ value: this.expand(item[key], sub(key)), field: sub(key), label: key });
    const c = this.expand(item[person], sub(person)) as ContactValue | undefined;
    const organisation = (orgKey ? get(orgKey) : '') || c?.organisation || '';
    const cap = capacity ? get(capacity) : '';
    const job = c?.jobTitle ?? '';
    const position = job && cap ? `${job} (${cap})` : job || cap;
    if (!c) return { name: gapText(sub(person)?.label ?? person), position, organisation, signedOn: '' };
    const signed = this.ctx.signed?.get(c.id);
    return { name: c.name, position, organisation, signedOn: signed ? longDate(signed) : '' };
  }
}

function same(a: unknown, b: string | number | boolean): boolean {
  if (a === b) return true;
  if (typeof b === 'boolean') return (a === 'yes' && b) || (a === 'no' && !b);
  return a !== undefined && a !== null && String(a) === String(b);
}

/**
 * A template plus the user's values → the document tree both renderers draw. Pure: the same
 * inputs give the same tree, and nothing outside the arguments is read.
 */
export function resolve(template: Template, values: Values, context: ResolveContext): DocumentTree {
  const filled = applyDefaults(template, values, defaultsFor(context));
  const hasHandlingField = template.fields.some((f) => f.key === 'handlingNote' && f.type === 'text');
  if (context.publicSafe === true && hasHandlingField) delete filled.handlingNote;
  const r = new Resolver(template, filled, context);
  const blocks: Block[] = [];
  r.blocks(template.blocks, new Map(), 0, blocks);
  const { partnership, document } = context;
  // A template's handlingNote field is printed with the marking at the top of every page; the
  // public-safe copy is for publication, so it carries no handling note.
  const handling = hasHandlingField ? filled.handlingNote : undefined;
  const handlingNote =
    context.publicSafe !== true && typeof handling === 'string' && handling.trim() !== '' ? handling.trim() : undefined;
  return {
    meta: {
      title: document.title.trim() || template.title,
      subtitle: partnership.name,
      version: document.version,
      date: document.date,
      marking: document.marking,
      author: partnership.coordinatorName || partnership.name,
      subject: template.title,
      partnershipName: partnership.name,
      publicSafe: context.publicSafe === true,
      ...(handlingNote ? { handlingNote } : {}),
    },
    blocks,
  };
}

/** Values filled from each field's `example` (for "Fill with example values" and previews). */
export function exampleValues(template: Template): Values {
  const out: Values = {};
  for (const f of template.fields) if (f.example !== undefined) out[f.key] = f.example;
  return out;
}

/** The fields that are required but empty, by label (for the form and before agreeing). */
/** Required fields still empty once their defaults are applied (pass the context's defaults to count those too). */
export function missingRequired(template: Template, values: Values, defaults?: Parameters<typeof applyDefaults>[2]): string[] {
  const filled = applyDefaults(template, values, defaults);
  return template.fields.filter((f) => f.required && isEmpty(filled[f.key])).map((f) => f.label);
}
