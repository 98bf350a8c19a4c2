import type { DirectoryContact, DirectoryOrganisation } from './resolve-context';
import type { Template, TemplateField } from './template-schema';
import type { VersionHistoryRow } from './version-history';

/*
 * Defaults are filled in when a document is resolved, never stored: an empty field shows its
 * default in the preview and in the export alike (both call resolve()), and a later choice simply
 * replaces it. Inside a group item (a party of an agreement), a default can follow the sector of
 * the item's organisation: a police party takes the Part 3 route, an NHS party offers Article
 * 9(2)(h), a charity does not claim a public task. A coordinator who picks parties from the
 * directory therefore gets a complete document without extra clicks.
 */

type Values = Record<string, unknown>;

/**
 * What the app itself knows about a document, offered as defaults to its top-level fields through
 * `defaultFrom`: "partnership.coordinator" (the coordinator's post in the directory, for owner,
 * author and approver), "document.versionHistory" (the rows the app keeps from the lifecycle) and
 * "document.date" (the date the document is dated: the day it is agreed).
 */
export type ContextDefaults = {
  coordinator?: number | null;
  versionHistory?: readonly VersionHistoryRow[];
  date?: string;
};
export const CONTEXT_DEFAULT_PATHS = ['partnership.coordinator', 'document.versionHistory', 'document.date'] as const;

export type DefaultsDirectory = {
  organisations: ReadonlyMap<number, DirectoryOrganisation>;
  contacts: ReadonlyMap<number, DirectoryContact>;
  context?: ContextDefaults;
};

function fromContext(path: string, ctx: ContextDefaults | undefined): unknown {
  if (!ctx) return undefined;
  if (path === 'partnership.coordinator') return ctx.coordinator ?? undefined;
  if (path === 'document.versionHistory')
    return ctx.versionHistory?.length ? ctx.versionHistory.map((r) => ({ ...r })) : undefined;
  if (path === 'document.date') return ctx.date;
  return undefined;
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value for a sector: its own key, then the longest matching "prefix*", then "*". */
export function sectorValue(values: Readonly<Record<string, unknown>>, sector: string): unknown {
  if (sector in values) return values[sector];
  let best: { len: number; v: unknown } | null = null;
  for (const [k, v] of Object.entries(values)) {
    if (k === '*' || !k.endsWith('*')) continue;
    const prefix = k.slice(0, -1);
    if (sector.startsWith(prefix) && (!best || prefix.length > best.len)) best = { len: prefix.length, v };
  }
  if (best) return best.v;
  return values['*'];
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function sibling(item: Values, fields: readonly TemplateField[], path: string, dir: DefaultsDirectory | undefined): unknown {
  const [root, sub] = path.split('.');
  const f = fields.find((x) => x.key === root);
  const raw = item[root!];
  if (!f || isEmpty(raw)) return undefined;
  if (!sub) return raw;
  const id = typeof raw === 'number' ? raw : Number(raw);
  const rec: Record<string, unknown> | undefined =
    f.type === 'organisation' ? dir?.organisations.get(id) : f.type === 'contact' ? dir?.contacts.get(id) : undefined;
  const v = rec?.[sub!];
  return isEmpty(v) ? undefined : v;
}

/** One group item with its empty fields filled from their defaults (the form shows what they will be). */
export function fillItem(item: Values, fields: readonly TemplateField[], dir: DefaultsDirectory | undefined): Values {
  const out: Values = { ...item };
  for (const f of fields) {
    if (!isEmpty(out[f.key])) continue;
    let v: unknown;
    if (f.sectorDefaults) {
      const org = sibling(out, fields, f.sectorDefaults.from, dir);
      const sector = typeof org === 'number' ? dir?.organisations.get(org)?.sector : undefined;
      if (sector !== undefined) v = sectorValue(f.sectorDefaults.values, sector);
    }
    if (isEmpty(v) && f.defaultFrom) v = sibling(out, fields, f.defaultFrom, dir);
    if (isEmpty(v) && f.default !== undefined) v = f.default;
    if (!isEmpty(v)) out[f.key] = clone(v);
  }
  return out;
}

/** The values with every empty field that has a default filled in. Pure; the input is not changed. */
export function applyDefaults(template: Template, values: Values, dir?: DefaultsDirectory): Values {
  const out: Values = { ...values };
  for (const f of template.fields) {
    if (f.type === 'group') {
      const items = out[f.key];
      if (Array.isArray(items) && items.length > 0) {
        if (f.fields?.some(hasDefault))
          out[f.key] = items.map((item) => (isObject(item) ? fillItem(item, f.fields ?? [], dir) : item));
        continue;
      }
    }
    if (!isEmpty(out[f.key])) continue;
    let v: unknown;
    // At the top level, a "sector" default follows another choice of the document (nation → FOI law).
    if (f.sectorDefaults) {
      const basis = out[f.sectorDefaults.from];
      if (typeof basis === 'string' && basis !== '') v = sectorValue(f.sectorDefaults.values, basis);
    }
    if (isEmpty(v) && f.defaultFrom) v = fromContext(f.defaultFrom, dir?.context);
    if (isEmpty(v) && f.default !== undefined) v = f.default;
    if (!isEmpty(v)) out[f.key] = clone(v);
  }
  return out;
}

const hasDefault = (f: TemplateField) => f.default !== undefined || f.sectorDefaults !== undefined || f.defaultFrom !== undefined;

/** Does this field fill itself when left empty? (It then never prints as a gap.) */
export const fieldHasDefault = hasDefault;

/** How a default reads in the form: an option's label, labels joined, or the text itself. */
export function describeDefault(field: TemplateField, value: unknown): string {
  const label = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.map(label).join('; ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return field.options ? label(value) : String(value);
}
