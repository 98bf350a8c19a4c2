import type { ParsedCsv } from './csv-file';
import { normalisePhone } from './phone';
import { membershipFromText, sectorFromText } from './sectors';
import type { Membership, SectorKey } from './sectors';

/**
 * Reading a CSV of people and organisations, once csv-file.ts has read it into rows: column
 * recognition (including the names Outlook and Excel use) and per-row checks. Pure, so the renderer and main
 * share it; main repeats every check before anything is written.
 */
export const IMPORT_FIELDS = [
  { key: 'name', label: 'Full name' },
  { key: 'firstName', label: 'First name' },
  { key: 'middleName', label: 'Middle name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'organisation', label: 'Organisation' },
  { key: 'jobTitle', label: 'Job title' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'mobile', label: 'Mobile phone' },
  { key: 'spoc', label: 'Modern slavery SPOC (yes/no)' },
  { key: 'pronouns', label: 'Pronouns' },
  { key: 'notes', label: 'Notes' },
  { key: 'source', label: 'Source of the record' },
  { key: 'lawfulBasis', label: 'Lawful basis' },
  { key: 'lastVerified', label: 'Last verified' },
  { key: 'sector', label: 'Sector' },
  { key: 'membership', label: 'Membership' },
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number]['key'];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportField, ...ImportField[]];
/** One entry per column of the file: the field it fills, or null to ignore the column. */
export type ColumnMapping = (ImportField | null)[];

const HEADER_NAMES: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'displayname', 'contactname', 'personname', 'contact'],
  firstName: ['firstname', 'givenname', 'forename', 'forenames'],
  middleName: ['middlename'],
  lastName: ['lastname', 'surname', 'familyname'],
  organisation: ['organisation', 'organization', 'company', 'companyname', 'org', 'employer', 'agency', 'organisationname'],
  jobTitle: ['jobtitle', 'role', 'position', 'post', 'job'],
  email: ['email', 'emailaddress', 'workemail', 'businessemail', 'mail'],
  phone: ['phone', 'telephone', 'businessphone', 'workphone', 'phonenumber', 'tel', 'telephonenumber'],
  mobile: ['mobile', 'mobilephone', 'mobilenumber', 'cellphone', 'cell'],
  spoc: ['spoc', 'modernslaverysspoc', 'modernslaveryspoc', 'singlepointofcontact', 'isspoc'],
  pronouns: ['pronouns'],
  notes: ['notes', 'note', 'comments'],
  source: ['source', 'sourceoftherecord', 'sourceofrecord'],
  lawfulBasis: ['lawfulbasis', 'lawfulbasisnote'],
  lastVerified: ['lastverified', 'verified', 'verifiedon', 'lastchecked'],
  sector: ['sector'],
  membership: ['membership'],
};
const headerLookup = new Map<string, ImportField>();
for (const [field, names] of Object.entries(HEADER_NAMES)) for (const n of names) headerLookup.set(n, field as ImportField);

export const MAX_CELL = 2_000;
const SHORT_FIELDS: ImportField[] = [
  'name',
  'firstName',
  'middleName',
  'lastName',
  'organisation',
  'jobTitle',
  'pronouns',
  'source',
];
const SHORT_MAX = 200;
/** Fields that hold one line: a line break in one means rows were merged, not a real value. */
const SINGLE_LINE_FIELDS: ImportField[] = [
  ...SHORT_FIELDS,
  'email',
  'phone',
  'mobile',
  'spoc',
  'lastVerified',
  'sector',
  'membership',
];

export function recogniseColumns(headers: readonly string[]): ColumnMapping {
  const used = new Set<ImportField>();
  return headers.map((h) => {
    const key = h.toLowerCase().replace(/[^a-z0-9]/g, '');
    const field = headerLookup.get(key) ?? null;
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

export function missingRequiredColumn(mapping: ColumnMapping): string | null {
  const has = (f: ImportField) => mapping.includes(f);
  if (has('name') || has('firstName') || has('lastName') || has('organisation')) return null;
  return 'The file has no column for a name or an organisation. Its first line must name the columns, for example "Name", "First Name", "Last Name" or "Company".';
}

export type ImportRecord = {
  line: number;
  name: string;
  pronouns: string;
  notes: string;
  source: string;
  lawfulBasis: string;
  lastVerified: string | null;
  organisation: string;
  jobTitle: string;
  email: string;
  phone: string;
  isSpoc: boolean;
  sector: SectorKey | null;
  membership: Membership | null;
};

export type BadRow = { line: number; reasons: string[] };

/** Undo the apostrophe our own CSV export puts before a cell that a spreadsheet would run as a formula. */
export function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function parseDate(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!m) return undefined;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const YES = new Set(['yes', 'y', 'true', '1', 'spoc', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Turn rows into records, listing every row that cannot be imported and why. */
/** What reading rows remembers from one row to the next (repeats), so a file can be read in slices. */
export type RecordReaderState = { seenRows: Map<string, number>; seenEmails: Map<string, number> };
export const newRecordReaderState = (): RecordReaderState => ({ seenRows: new Map(), seenEmails: new Map() });

export function readRecords(
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  state: RecordReaderState = newRecordReaderState(),
): { records: ImportRecord[]; badRows: BadRow[] } {
  const records: ImportRecord[] = [];
  const badRows: BadRow[] = [];
  const unreadable = new Map(parsed.unreadable.map((u) => [u.line, u.reason]));
  const { seenRows, seenEmails } = state;
  const label = (i: number) => parsed.headers[i] || `column ${i + 1}`;

  for (const row of parsed.rows) {
    const reasons: string[] = [];
    const problem = unreadable.get(row.line);
    if (problem) reasons.push(`the row could not be read (${problem})`);
    const values: Partial<Record<ImportField, string>> = {};
    const extra = row.cells.slice(parsed.headers.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      reasons.push(
        `it has ${extra.length === 1 ? 'a cell' : `${extra.length} cells`} beyond the last named column ("${extra[0]!.slice(0, 40)}"), which would be lost`,
      );
    }
    row.cells.forEach((raw, i) => {
      const cell = unneutralise(raw).trim();
      if (raw.length > MAX_CELL) {
        reasons.push(
          `the "${label(i)}" cell is ${raw.length.toLocaleString('en-GB')} characters long; a cell can hold at most ${MAX_CELL.toLocaleString('en-GB')}`,
        );
        return;
      }
      const field = mapping[i];
      if (!field) return;
      if (SINGLE_LINE_FIELDS.includes(field) && /[\r\n]/.test(cell)) {
        const breaks = (raw.match(/\r\n|\r|\n/g) ?? []).length;
        reasons.push(
          `the "${label(i)}" cell runs over ${breaks + 1} lines (lines ${row.line} to ${row.line + breaks}); a quotation mark may be missing or misplaced`,
        );
        return;
      }
      if (SHORT_FIELDS.includes(field) && cell.length > SHORT_MAX) {
        reasons.push(`the "${label(i)}" cell is longer than ${SHORT_MAX} characters`);
        return;
      }
      values[field] = cell;
    });
    const v = (f: ImportField) => values[f] ?? '';
    const name = v('name') || [v('firstName'), v('middleName'), v('lastName')].filter(Boolean).join(' ');
    const organisation = v('organisation');
    if (name === '' && organisation === '' && reasons.length === 0) reasons.push('it has no name and no organisation');
    const email = v('email');
    if (email !== '' && !EMAIL.test(email)) reasons.push(`"${email}" is not an email address`);
    const phoneText = v('phone') || v('mobile');
    if (phoneText !== '' && !normalisePhone(phoneText).ok) reasons.push(`"${phoneText}" is not a phone number`);
    const lastVerified = parseDate(v('lastVerified'));
    if (lastVerified === undefined) reasons.push(`"${v('lastVerified')}" is not a date (use 2025-03-31 or 31/03/2025)`);
    const spocText = v('spoc').toLowerCase();
    if (!YES.has(spocText) && !NO.has(spocText)) reasons.push(`"${v('spoc')}" should be Yes or No in the SPOC column`);
    const sector = sectorFromText(v('sector'));
    if (v('sector') !== '' && !sector) reasons.push(`"${v('sector')}" is not one of the directory's sectors`);
    const membership = membershipFromText(v('membership'));
    if (v('membership') !== '' && !membership)
      reasons.push(`"${v('membership')}" is not a membership (core, associate, observer or former)`);
    if (name === '' && (email !== '' || v('jobTitle') !== '' || phoneText !== '' || spocText !== '') && organisation !== '') {
      reasons.push('it has a job title, email or phone but no name');
    }

    const fingerprint = row.cells.map((c) => c.trim().toLowerCase()).join('\u0000');
    const firstSeen = seenRows.get(fingerprint);
    if (firstSeen !== undefined) reasons.push(`it repeats line ${firstSeen}`);
    else seenRows.set(fingerprint, row.line);
    if (email !== '' && firstSeen === undefined) {
      const sameEmail = seenEmails.get(email.toLowerCase());
      if (sameEmail !== undefined) reasons.push(`it has the same email as line ${sameEmail}`);
      else seenEmails.set(email.toLowerCase(), row.line);
    }

    if (reasons.length > 0) {
      badRows.push({ line: row.line, reasons: [...new Set(reasons)] });
      continue;
    }
    records.push({
      line: row.line,
      name,
      pronouns: v('pronouns'),
      notes: v('notes'),
      source: v('source'),
      lawfulBasis: v('lawfulBasis'),
      lastVerified: lastVerified ?? null,
      organisation,
      jobTitle: v('jobTitle'),
      email,
      phone: phoneText,
      isSpoc: YES.has(spocText),
      sector,
      membership,
    });
  }
  return { records, badRows };
}

/** Describe a bad row for a person: "Line 4: … and …". */
export const describeBadRow = (b: BadRow): string => `Line ${b.line}: ${b.reasons.join('; ')}.`;
