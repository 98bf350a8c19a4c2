import type { z } from 'zod';

type Def = Record<string, unknown> & { type: string };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

const STRING_CANDIDATES = [
  'Sample',
  '2026-03-02',
  '2026-03-02T10:00:00+00:00',
  '10:00',
  'name@example.org',
  'https://example.org/',
  'sample-key',
  '0190a6f4-5b1e-7cc2-8a3b-9f0e1d2c3b4a',
  'sample',
  '1',
  '',
];
const NUMBER_CANDIDATES = [1, 0, 2, 10, 60, 100, 2026];

/**
 * A payload that a request schema accepts, built by walking the schema: the first candidate that
 * passes for each leaf, optional fields left out. Used to prove every channel can reach its handler.
 */
export function samplePayload(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const t = defOf(v).type;
        if (t === 'optional' || t === 'default' || t === 'prefault') continue;
        out[k] = samplePayload(v);
      }
      return out;
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return undefined;
    case 'nullable':
      return null;
    case 'string':
      return STRING_CANDIDATES.find((c) => schema.safeParse(c).success) ?? 'Sample';
    case 'number':
      return NUMBER_CANDIDATES.find((c) => schema.safeParse(c).success) ?? 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array': {
      if (schema.safeParse([]).success) return [];
      return [samplePayload(def.element as z.ZodType)];
    }
    case 'record':
      return {};
    case 'union': {
      for (const option of def.options as z.ZodType[]) {
        const s = samplePayload(option);
        if (option.safeParse(s).success) return s;
      }
      return samplePayload((def.options as z.ZodType[])[0]!);
    }
    case 'pipe':
      return samplePayload(def.in as z.ZodType);
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return samplePayload(def.innerType as z.ZodType);
    case 'intersection':
      return { ...(samplePayload(def.left as z.ZodType) as object), ...(samplePayload(def.right as z.ZodType) as object) };
    case 'lazy':
      return samplePayload((def.getter as () => z.ZodType)());
    default:
      return null;
  }
}
