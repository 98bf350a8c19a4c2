import Papa from 'papaparse';

/**
 * Reading a CSV file into rows of cells, whatever wrote it: the text encoding (UTF-8, UTF-16 with or
 * without a byte order mark, Windows-1252), the delimiter, row breaks, control characters, and
 * cells over several lines. What the columns mean is csv-import.ts's part.
 */

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
