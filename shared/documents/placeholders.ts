import type { Run } from './tree';

/**
 * The placeholder and emphasis grammar of template text, parsed by hand (no eval, no Function,
 * nothing in a template can run code):
 *
 *   text        := ( literal | placeholder | "**" | "_" )*
 *   placeholder := "{{" ws path ws ( "|" ws filter ws )* "}}"
 *   path        := key ( "." key )*            key := [A-Za-z][A-Za-z0-9]*
 *   filter      := name ( "(" quoted ")" )?    quoted := '"' … '"' or "'" … "'" (backslash escapes)
 *
 * "**" toggles bold. "_" toggles italic only at a word edge ("_this_"), so snake_case and URLs
 * keep their underscores. Text that does not match the grammar (a stray "{{") stays literal.
 * Values are never parsed: a value that contains "**" or "{{" prints as typed.
 */
export type Filter = { name: string; arg?: string };
export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; path: string; filters: Filter[]; source: string }
  | { kind: 'bold' }
  | { kind: 'italic' };

export const FILTERS = ['longDate', 'upper', 'lower', 'list', 'count', 'yesNo', 'default'] as const;
export type FilterName = (typeof FILTERS)[number];
export const isFilterName = (name: string): name is FilterName => (FILTERS as readonly string[]).includes(name);

const isKeyStart = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
const isKeyChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** Parse one placeholder starting at `start` (which points at "{{"). Returns null if it is not well formed. */
function parsePlaceholder(src: string, start: number): { token: Token; end: number } | null {
  let i = start + 2;
  const skip = () => {
    while (isSpace(src[i])) i++;
  };
  const readKey = (): string | null => {
    if (!isKeyStart(src[i])) return null;
    const from = i;
    while (isKeyChar(src[i])) i++;
    return src.slice(from, i);
  };
  skip();
  const parts: string[] = [];
  const first = readKey();
  if (first === null) return null;
  parts.push(first);
  while (src[i] === '.') {
    i++;
    const next = readKey();
    if (next === null) return null;
    parts.push(next);
  }
  const filters: Filter[] = [];
  skip();
  while (src[i] === '|') {
    i++;
    skip();
    const name = readKey();
    if (name === null) return null;
    const filter: Filter = { name };
    skip();
    if (src[i] === '(') {
      i++;
      skip();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") return null;
      i++;
      let arg = '';
      while (i < src.length && src[i] !== quote) {
        if (src[i] === '\\' && i + 1 < src.length) i++;
        arg += src[i];
        i++;
      }
      if (src[i] !== quote) return null;
      i++;
      skip();
      if (src[i] !== ')') return null;
      i++;
      filter.arg = arg;
    }
    filters.push(filter);
    skip();
  }
  if (src[i] !== '}' || src[i + 1] !== '}') return null;
  const end = i + 2;
  return { token: { kind: 'placeholder', path: parts.join('.'), filters, source: src.slice(start, end) }, end };
}

/** Is the "_" at i an opening italic marker with a closing marker later in the text? */
function italicOpens(src: string, i: number, open: boolean): boolean {
  if (open) {
    // Closing: not after a space, not before a letter or digit.
    return !isSpace(src[i - 1]) && src[i - 1] !== undefined && !isWordChar(src[i + 1]);
  }
  if (isWordChar(src[i - 1]) || src[i + 1] === undefined || /\s/.test(src[i + 1]!)) return false;
  for (let j = i + 2; j < src.length; j++) {
    if (src[j] === '_' && !/\s/.test(src[j - 1]!) && !isWordChar(src[j + 1])) return true;
  }
  return false;
}

const cache = new Map<string, Token[]>();

/** Tokenise template text. Results are cached by text: templates are parsed once, then reused on every keystroke. */
export function parseText(src: string): Token[] {
  const hit = cache.get(src);
  if (hit) return hit;
  const tokens: Token[] = [];
  let literal = '';
  let italic = false;
  const flush = () => {
    if (literal) tokens.push({ kind: 'text', text: literal });
    literal = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '{' && src[i + 1] === '{') {
      const parsed = parsePlaceholder(src, i);
      if (parsed) {
        flush();
        tokens.push(parsed.token);
        i = parsed.end;
        continue;
      }
    } else if (c === '*' && src[i + 1] === '*') {
      flush();
      tokens.push({ kind: 'bold' });
      i += 2;
      continue;
    } else if (c === '_' && italicOpens(src, i, italic)) {
      flush();
      tokens.push({ kind: 'italic' });
      italic = !italic;
      i++;
      continue;
    } else if (c === '\\' && (src[i + 1] === '*' || src[i + 1] === '_' || src[i + 1] === '{')) {
      // A backslash escapes a marker: "\**" prints two asterisks.
      literal += src[i + 1];
      i += 2;
      continue;
    }
    literal += c;
    i++;
  }
  flush();
  if (cache.size > 5_000) cache.clear();
  cache.set(src, tokens);
  return tokens;
}

/** Every placeholder in a text (for checking templates). */
export function placeholdersIn(src: string): Extract<Token, { kind: 'placeholder' }>[] {
  return parseText(src).filter((t): t is Extract<Token, { kind: 'placeholder' }> => t.kind === 'placeholder');
}

/** What a placeholder printed: text, or a visible gap when the value is not given yet. */
export type Printed = { text: string; missing?: boolean };

/**
 * Turn tokens into runs, asking `print` for each placeholder. Adjacent runs with the same
 * formatting are merged so the writer emits few runs.
 */
export function toRuns(tokens: readonly Token[], print: (token: Extract<Token, { kind: 'placeholder' }>) => Printed): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  const push = (text: string, missing?: boolean) => {
    if (text === '') return;
    const last = runs.at(-1);
    if (last && Boolean(last.bold) === bold && Boolean(last.italic) === italic && Boolean(last.missing) === Boolean(missing)) {
      last.text += text;
      return;
    }
    const run: Run = { text };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    if (missing) run.missing = true;
    runs.push(run);
  };
  for (const t of tokens) {
    if (t.kind === 'text') push(t.text);
    else if (t.kind === 'bold') bold = !bold;
    else if (t.kind === 'italic') italic = !italic;
    else {
      const p = print(t);
      push(p.text, p.missing);
    }
  }
  return runs;
}

export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-10-05" → "5 October 2026"; anything else is returned unchanged. */
export function longDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  if (!month || day < 1 || day > 31) return value;
  return `${day} ${month} ${m[1]}`;
}

/** "A", "A and B", "A, B and C" */
export function joinList(items: readonly string[]): string {
  const xs = items.filter((s) => s !== '');
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
}
