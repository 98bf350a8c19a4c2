import Papa from 'papaparse';
import { normalisePhone } from './phone';
import { membershipFromText, sectorFromText } from './sectors';
import type { Membership, SectorKey } from './sectors';

/**
 * Reading a CSV of people and organisations: decoding, delimiter detection, column recognition
 * (including the names Outlook and Excel use) and per-row checks. Pure, so the renderer and main
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

export class CsvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';
export const ENCODING_LABELS: Record<CsvEncoding, string> = {
  'UTF-8': 'UTF-8',
  'UTF-16LE': 'UTF-16 (Excel "Unicode Text")',
  'UTF-16BE': 'UTF-16 big-endian',
  'Windows-1252': 'Windows-1252 (Outlook and older Excel)',
};

/** Does the file look like UTF-16 without a byte order mark (ASCII text with every other byte zero)? */
function utf16Guess(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4_096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'UTF-16LE';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'UTF-16BE';
  return null;
}

// Bytes 0x80-0x9F of Windows-1252 (the rest is Latin-1). Written out because some JavaScript runtimes
// (Node built without full ICU) decode "windows-1252" as Latin-1 and lose ’ “ ” € and the like.
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Windows-1252 gives every byte a character, so this cannot fail. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8_192) {
    const part = bytes.subarray(i, i + 8_192);
    out += String.fromCharCode(...Array.from(part, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return out;
}

/**
 * Decode a file's bytes, detecting the encoding: a byte order mark names UTF-8 or UTF-16; otherwise
 * UTF-16 is recognised by its zero bytes, valid UTF-8 is UTF-8, and anything else is read as
 * Windows-1252, which is what Outlook and older Excel versions save ("CSV (Comma delimited)").
 */
export function decodeCsvFile(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const decode = (label: string, b: Uint8Array) => new TextDecoder(label, { fatal: true }).decode(b);
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'UTF-16LE' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'UTF-16BE' };
    const guess = utf16Guess(bytes);
    if (guess) return { text: decode(guess.toLowerCase(), bytes), encoding: guess };
  } catch {
    throw new CsvFileError(
      'This file says it is UTF-16 text but some of it cannot be read. Save it again from Excel as "CSV UTF-8".',
    );
  }
  try {
    return { text: stripBom(decode('utf-8', bytes)), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

/** The text of a file, whatever its encoding (see decodeCsvFile). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  return decodeCsvFile(bytes).text;
}

export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export const MAX_COLUMNS = 500;

export type ParsedCsv = {
  delimiter: ',' | ';' | '\t';
  headers: string[];
  /** Data rows with the line number (1-based, in the file) each starts on. Blank rows are dropped. */
  rows: { line: number; cells: string[] }[];
  /** Rows the CSV reader could not read as cells. */
  unreadable: { line: number; reason: string }[];
  /** Things the person should know about the whole file: repeated column names, characters removed. */
  warnings: string[];
};

// Control characters other than tab and the line breaks: NUL, BEL, ESC and the like are never meant.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Outside quoted cells, every line break (CRLF, a stray CR or a stray LF) ends a row, so a file whose
 * lines end in CRLF but holds one bare LF is still read row by row. Inside quotes, line breaks are
 * part of the cell (Outlook writes addresses that way) and are kept.
 */
function normaliseRowBreaks(text: string): string {
  let out = '';
  let from = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && c === 0x0d) {
      out += text.slice(from, i) + '\n';
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Pick the delimiter from the header line: the one of , ; tab that occurs most outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

type Prepared = { text: string; delimiter: ',' | ';' | '\t'; warnings: string[] };

function prepare(input: string): Prepared {
  const decoded = stripBom(input);
  if (decoded.trim() === '') throw new CsvFileError('The file is empty.');
  if (decoded.includes('\uFFFD')) {
    throw new CsvFileError(
      'This file is not saved as UTF-8 text, so some letters could not be read. In Excel choose File › Save As › "CSV UTF-8 (Comma delimited)", then import that file.',
    );
  }
  const warnings: string[] = [];
  let removed = 0;
  const text = normaliseRowBreaks(
    decoded.replace(CONTROL, () => {
      removed++;
      return '';
    }),
  );
  if (removed > 0) {
    warnings.push(
      `${removed.toLocaleString('en-GB')} invisible control ${removed === 1 ? 'character was' : 'characters were'} removed (for example NUL, bell or escape). They are never part of a name or address.`,
    );
  }
  return { text, delimiter: detectDelimiter(text), warnings };
}

/** Collects the reader's rows with the line each starts on. */
function rowCollector(text: string) {
  const all: { line: number; cells: string[] }[] = [];
  const unreadable: { line: number; reason: string }[] = [];
  let start = 0;
  let line = 1;
  let counted = 0;
  let fatal: string | null = null;
  return {
    all,
    unreadable,
    fatal: () => fatal,
    step: (result: Papa.ParseStepResult<string[]>) => {
      while (counted < start) {
        const nl = text.indexOf('\n', counted);
        if (nl < 0 || nl >= start) {
          counted = start;
          break;
        }
        line++;
        counted = nl + 1;
      }
      const missing = result.errors.find((e) => e.code === 'MissingQuotes');
      if (missing && fatal === null) {
        fatal = `Line ${line} opens a quoted cell that is never closed, so the rest of the file cannot be read. Check the quotation marks on that line.`;
      } else if (result.errors.length > 0) {
        unreadable.push({ line, reason: result.errors[0]!.message });
      }
      all.push({ line, cells: result.data });
      start = result.meta.cursor;
    },
  };
}

function finish(p: Prepared, rows: ReturnType<typeof rowCollector>): ParsedCsv {
  const fatal = rows.fatal();
  if (fatal) throw new CsvFileError(fatal);
  const [head, ...rest] = rows.all;
  if (!head) throw new CsvFileError('The file is empty.');
  const headers = head.cells.map((h) => h.trim());
  if (headers.length > MAX_COLUMNS) {
    throw new CsvFileError(
      `The first line names ${headers.length.toLocaleString('en-GB')} columns; Concordat can read at most ${MAX_COLUMNS}. Check that the file is a list of contacts with one column per detail.`,
    );
  }
  const warnings = [...p.warnings];
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.toLowerCase();
    if (key === '') return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      warnings.push(
        `Columns ${first + 1} and ${i + 1} are both called "${h}". Only column ${first + 1} is imported unless you choose a field for column ${i + 1} below.`,
      );
  });
  const data = rest.filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { delimiter: p.delimiter, headers, rows: data, unreadable: rows.unreadable, warnings };
}

export function parseCsvText(input: string): ParsedCsv {
  const p = prepare(input);
  const rows = rowCollector(p.text);
  Papa.parse<string[]>(p.text, { delimiter: p.delimiter, newline: '\n', step: rows.step });
  return finish(p, rows);
}

/** The same reading, pausing every `yieldEvery` rows so a long file does not hold up everything else. */
export function parseCsvTextAsync(input: string, yieldEvery = 2_000): Promise<ParsedCsv> {
  return new Promise((resolve, reject) => {
    let p: Prepared;
    try {
      p = prepare(input);
    } catch (error) {
      reject(error);
      return;
    }
    const rows = rowCollector(p.text);
    let n = 0;
    Papa.parse<string[]>(p.text, {
      delimiter: p.delimiter,
      newline: '\n',
      step: (result, parser) => {
        rows.step(result);
        if (++n % yieldEvery === 0) {
          parser.pause();
          setTimeout(() => parser.resume(), 0);
        }
      },
      complete: () => {
        try {
          resolve(finish(p, rows));
        } catch (error) {
          reject(error);
        }
      },
    });
  });
}

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
