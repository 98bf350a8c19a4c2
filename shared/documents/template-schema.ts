import { z } from 'zod';
import { PROTECTIVE_MARKINGS } from '../markings';

/**
 * A template is data: metadata, the fields of its guided form, and the blocks of its document.
 * Built-in templates live in resources/templates/*.json and are validated by this schema.
 *
 * Text in blocks may hold placeholders, parsed by a small grammar (no code runs):
 *   {{ path }}                e.g. {{ purpose }}, {{ partnership.name }}, {{ document.version }}, {{ item.name }}
 *   {{ path | filter }}       filters: longDate (UK long form, "5 October 2026"), upper, lower,
 *                             list ("A, B and C"), count, yesNo ("Yes"/"No"), default("text")
 * and emphasis: **bold**, _italic_.
 * Context roots: partnership.{name, area, coordinatorName, coordinatorEmail}, document.{title, version,
 * date, marking, reviewDate, status, publicSafe}, the template's field keys, and inside a repeat the alias named by `as`.
 * A path through a group reaches every item: parties.role is the list of each party's role, so a
 * condition { field: "parties.role", includes: "jointController" } holds when any party is one.
 * An organisation's .sector prints as the sector's name.
 * Organisation values resolve to { id, name, sector, ... } and print as their name; contacts to
 * { id, name, jobTitle, organisation, email, phone, role } and print as their name (or, in a
 * public-safe export, as "role, organisation").
 */

export const TEMPLATE_CATEGORIES = [
  'terms-of-reference',
  'information-sharing',
  'accountability',
  'partnership-function',
  'performance',
  'strategy',
  'statements',
  'procurement',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<TemplateCategory, string> = {
  'terms-of-reference': 'Terms of reference',
  'information-sharing': 'Information sharing',
  accountability: 'Accountability structures',
  'partnership-function': 'Partnership function',
  performance: 'Performance management',
  strategy: 'Strategies',
  statements: 'Modern slavery statements',
  procurement: 'Procurement',
};

const key = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, 'Keys start with a lower-case letter and use letters and digits only (camelCase)')
  .max(60);
/** A dotted path into the values: field, field.sub, item.sub */
const path = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/, 'Paths are keys joined by dots, like parties or item.name')
  .max(120);
const text = z.string().max(20_000);

export const FIELD_TYPES = [
  'text',
  'longText',
  'date',
  'number',
  'choice',
  'multiChoice',
  'yesNo',
  'organisation',
  'organisations',
  'contact',
  'contacts',
  'group',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const optionSchema = z
  .object({
    value: key,
    label: z.string().min(1).max(300),
    /** Optional help shown beside the option in the form. */
    help: z.string().max(1_000).optional(),
  })
  .strict();

type FieldInput = {
  key: string;
  label: string;
  type: FieldType;
  section: string;
  help?: string;
  required?: boolean;
  options?: z.infer<typeof optionSchema>[];
  min?: number;
  max?: number;
  maxLength?: number;
  placeholder?: string;
  example?: unknown;
  fields?: FieldInput[];
  itemLabel?: string;
  default?: unknown;
  sectorDefaults?: { from: string; values: Record<string, unknown> };
  defaultFrom?: string;
};

export const fieldSchema: z.ZodType<FieldInput> = z.lazy(() =>
  z
    .object({
      key,
      label: z.string().min(1).max(300),
      type: z.enum(FIELD_TYPES),
      /** The form section (a key of the template's sections). */
      section: key,
      help: z.string().max(2_000).optional(),
      required: z.boolean().optional(),
      /** For choice and multiChoice. */
      options: z.array(optionSchema).min(1).max(100).optional(),
      /** For number: bounds. For group: how many items. */
      min: z.number().optional(),
      max: z.number().optional(),
      maxLength: z.number().int().positive().max(200_000).optional(),
      placeholder: z.string().max(300).optional(),
      /** Used by "fill with example values". */
      example: z.unknown().optional(),
      /** For group: the fields of each item. */
      fields: z.array(fieldSchema).min(1).max(40).optional(),
      /** For group: what one item is called ("data item"). */
      itemLabel: z.string().max(100).optional(),
      /**
       * Used when the value is empty, at resolve time (see defaults.ts), so preview and export agree
       * and nothing is stored: the document shows the default until someone chooses otherwise.
       */
      default: z.unknown().optional(),
      /**
       * In a group item: a default chosen by the sector of the item's organisation field `from`.
       * At the top level: a default chosen by the value of the choice field `from` (nation → FOI law).
       * `values` is keyed by sector key, or a prefix ending in "*" ("la-*"), or "*" for any other sector.
       */
      sectorDefaults: z
        .object({
          from: key,
          values: z.record(
            z
              .string()
              .regex(/^[a-z*][a-z0-9*-]*$/)
              .max(60),
            z.unknown(),
          ),
        })
        .strict()
        .optional(),
      /**
       * In a group item: a default copied from a sibling, like "organisation.name" or "spoc.email".
       * At the top level: what the app knows, "partnership.coordinator" (a contact field),
       * "document.versionHistory" (the version history group) or "document.date" (a date field).
       */
      defaultFrom: path.optional(),
    })
    .strict()
    .superRefine((f, ctx) => {
      if ((f.type === 'choice' || f.type === 'multiChoice') && !f.options)
        ctx.addIssue({ code: 'custom', message: `${f.type} field "${f.key}" needs options` });
      if (f.type === 'group' && !f.fields) ctx.addIssue({ code: 'custom', message: `group field "${f.key}" needs fields` });
      if (f.type !== 'group' && f.fields) ctx.addIssue({ code: 'custom', message: `only group fields have fields ("${f.key}")` });
    }),
);
export type TemplateField = z.infer<typeof fieldSchema>;

type ConditionInput =
  | { field: string; equals: string | number | boolean }
  | { field: string; oneOf: (string | number | boolean)[] }
  | { field: string; includes: string }
  | { field: string; isSet: true }
  | { field: string; isNotSet: true }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput };

const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);
export const conditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
  z.union([
    z.object({ field: path, equals: scalar }).strict(),
    z.object({ field: path, oneOf: z.array(scalar).min(1).max(50) }).strict(),
    /** A multiChoice or list value contains this option. */
    z.object({ field: path, includes: z.string().max(500) }).strict(),
    z.object({ field: path, isSet: z.literal(true) }).strict(),
    z.object({ field: path, isNotSet: z.literal(true) }).strict(),
    z.object({ all: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1).max(20) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);
export type Condition = z.infer<typeof conditionSchema>;

/** Every block may carry a condition and may repeat over a list value, naming each item with `as`. */
const common = {
  when: conditionSchema.optional(),
  repeat: path.optional(),
  as: key.optional(),
};

type BlockInput =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; when?: Condition; repeat?: string; as?: string }
  | { type: 'paragraph'; text: string; when?: Condition; repeat?: string; as?: string }
  | { type: 'clause'; title?: string; text?: string; children?: BlockInput[]; when?: Condition; repeat?: string; as?: string }
  | { type: 'bullets'; items: string[]; when?: Condition; repeat?: string; as?: string }
  | {
      type: 'table';
      caption?: string;
      header: string[];
      rows?: string[][];
      /** One row per item of this list; `row` holds the cell texts with the alias `as`. */
      each?: string;
      row?: string[];
      widths?: number[];
      when?: Condition;
      repeat?: string;
      as?: string;
    }
  | {
      type: 'signatures';
      from: string;
      person?: string;
      organisation?: string;
      capacity?: string;
      onBehalf?: boolean;
      onBehalfOf?: string;
      when?: Condition;
      repeat?: string;
      as?: string;
    }
  | { type: 'pageBreak'; when?: Condition; repeat?: string; as?: string }
  | { type: 'toc'; when?: Condition; repeat?: string; as?: string }
  | { type: 'guidance'; text: string; when?: Condition; repeat?: string; as?: string }
  | { type: 'group'; blocks: BlockInput[]; when?: Condition; repeat?: string; as?: string };

export const blockSchema: z.ZodType<BlockInput> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z
      .object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text, ...common })
      .strict(),
    z.object({ type: z.literal('paragraph'), text, ...common }).strict(),
    /** A numbered clause; children are clauses (or other blocks) numbered one level deeper. */
    z
      .object({
        type: z.literal('clause'),
        title: z.string().max(300).optional(),
        text: text.optional(),
        children: z.array(blockSchema).max(200).optional(),
        ...common,
      })
      .strict(),
    z.object({ type: z.literal('bullets'), items: z.array(text).min(1).max(200), ...common }).strict(),
    z
      .object({
        type: z.literal('table'),
        caption: z.string().max(300).optional(),
        header: z.array(z.string().max(200)).min(1).max(12),
        rows: z.array(z.array(text)).max(200).optional(),
        each: path.optional(),
        row: z.array(text).max(12).optional(),
        widths: z.array(z.number().positive()).max(12).optional(),
        ...common,
      })
      .strict(),
    /** Signature table over a contacts field, or a group whose items have name/position/organisation. */
    z
      .object({
        type: z.literal('signatures'),
        from: path,
        /** For a group: the contact field of each item who signs (one signatory per item). */
        person: key.optional(),
        /** For a group: the item field printed as the organisation (for example a legal name). */
        organisation: key.optional(),
        /** For a group: the item field printed after the position (for example "SIRO"). */
        capacity: key.optional(),
        /** Print the organisation as "For and on behalf of …". */
        onBehalf: z.boolean().optional(),
        /** Every signatory signs for this body (text with placeholders), e.g. "{{ partnership.name }}". */
        onBehalfOf: z.string().max(300).optional(),
        ...common,
      })
      .strict(),
    z.object({ type: z.literal('pageBreak'), ...common }).strict(),
    z.object({ type: z.literal('toc'), ...common }).strict(),
    z.object({ type: z.literal('guidance'), text, ...common }).strict(),
    z.object({ type: z.literal('group'), blocks: z.array(blockSchema).max(500), ...common }).strict(),
  ]),
);
export type TemplateBlock = z.infer<typeof blockSchema>;

export const sectionSchema = z
  .object({ key, title: z.string().min(1).max(200), description: z.string().max(2_000).optional() })
  .strict();

export const templateSchema = z
  .object({
    /** Bumped when the template format changes. */
    format: z.literal(1),
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'Template keys are lower-case words joined by hyphens')
      .max(80),
    title: z.string().min(1).max(200),
    category: z.enum(TEMPLATE_CATEGORIES),
    version: z.string().min(1).max(20),
    /** The marking a new document from this template starts with (else the partnership's default). */
    marking: z.enum(PROTECTIVE_MARKINGS).optional(),
    description: z.string().min(1).max(2_000),
    /** Shown with the template in the library and at the top of the form. */
    guidance: z.string().min(1).max(10_000),
    sections: z.array(sectionSchema).min(1).max(40),
    fields: z.array(fieldSchema).max(300),
    blocks: z.array(blockSchema).min(1).max(2_000),
  })
  .strict()
  .superRefine((t, ctx) => {
    const sectionKeys = new Set(t.sections.map((s) => s.key));
    const seen = new Set<string>();
    t.fields.forEach((f, i) => {
      if (seen.has(f.key))
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `Field key "${f.key}" is used twice` });
      seen.add(f.key);
      if (!sectionKeys.has(f.section))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'section'],
          message: `Field "${f.key}" names a section "${f.section}" that does not exist`,
        });
    });
  });
export type Template = z.infer<typeof templateSchema>;
