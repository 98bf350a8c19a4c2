import { normalisePhone } from '../partners/phone';

/**
 * Finding a person's details in free text, for erasure and its preview. Pure: the same matcher
 * runs over live rows, frozen document versions and an older database restored from a backup.
 *
 * - A name matches only in full (every word, in order, any case, any run of spaces or a line
 *   break between words), on word boundaries, with or without a title in front ("DI", "Dr"…).
 *   A first name alone never matches, so "Mark" inside "marking", or another Mark, is untouched.
 * - An email address matches in any case, not as part of a longer address.
 * - A phone number matches whatever the spacing or punctuation, in its 0… or +44 / 0044 form.
 */
export type MatchTerms = { names: readonly string[]; emails: readonly string[]; phones: readonly string[] };
export type MatchKind = 'name' | 'email' | 'phone';
export type TextMatch = { kind: MatchKind; start: number; end: number; text: string };

export const ERASED_PLACEHOLDER: Record<MatchKind, string> = {
  name: '[erased person]',
  email: '[erased email]',
  phone: '[erased phone]',
};

/** Titles and ranks that may stand before a name. Longest first so "DCI" wins over "DC". */
export const NAME_TITLES = [
  'Det Supt',
  'Supt',
  'DCI',
  'DSU',
  'DI',
  'DS',
  'DC',
  'PC',
  'PCSO',
  'Sgt',
  'Insp',
  'Dr',
  'Mrs',
  'Mr',
  'Ms',
  'Mx',
  'Miss',
  'Cllr',
  'Councillor',
  'Prof',
  'Professor',
  'Revd',
  'Rev',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
].sort((a, b) => b.length - a.length);

const LETTER_OR_DIGIT = '\\p{L}\\p{N}';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function nameWords(name: string): string[] {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** A full name needs at least two words, or one word of 4+ letters with nothing else to go on. */
function namePattern(name: string): string | null {
  const words = nameWords(name);
  // A single word is a first name or a nickname: matching it would erase other people's text.
  if (words.length < 2) return null;
  const word = (w: string) =>
    Array.from(w)
      .map((ch) => (/['’‘`]/.test(ch) ? "['’‘`]" : /[-‐‑–]/.test(ch) ? '[-‐‑–]' : escape(ch)))
      .join('');
  const titles = NAME_TITLES.map((t) => t.split(' ').map(escape).join('\\s+')).join('|');
  return `(?:(?:${titles})\\.?\\s+)?${words.map(word).join('\\s+')}`;
}

function emailPattern(email: string): string | null {
  const e = email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(e)) return null;
  return `(?<![\\w.+\\-])${escape(e)}(?![\\w\\-]|\\.[\\w])`;
}

const SEP = '[\\s\\-.()/\\u00a0]*';

function phonePattern(phone: string): string | null {
  const typed = phone.trim();
  if (typed === '') return null;
  const r = normalisePhone(typed);
  let prefix: string;
  let rest: string;
  if (r.ok && r.uk) {
    // National "0…" or international "+44", "0044", "44", with the optional "(0)" kept in by some.
    prefix = `(?:\\(?(?:\\+|00)?${SEP}44${SEP}(?:\\(0\\)${SEP})?|\\(?0)`;
    rest = r.e164.slice(3);
  } else if (r.ok) {
    prefix = `(?:\\+|00)${SEP}`;
    rest = r.e164.slice(1);
  } else {
    const digits = typed.replace(/\D/g, '');
    if (digits.length < 6) return null;
    prefix = '';
    rest = digits;
  }
  const body = Array.from(rest).join(SEP);
  return `(?<![\\d+])${prefix}${body}(?!\\d)`;
}

export type Matcher = {
  readonly empty: boolean;
  /**
   * A fast check that rules text out: false means no match is possible (in the text, or in the
   * strings of JSON text); true means look closer. Never false for text that matches.
   */
  mightMatch(text: string): boolean;
  /** Every match in the text, earliest first, never overlapping. */
  find(text: string): TextMatch[];
  /** The text with each match replaced by its placeholder. */
  scrub(text: string): string;
  /** Scrub every string inside a JSON value (keys are the template's field names and stay). */
  scrubJson(value: unknown): unknown;
  /** Scrub a stored column value: JSON text is parsed so escaped text (\n, \") is matched too. */
  scrubStored(value: string): string;
  /** Whether a stored value would change. */
  test(value: string): boolean;
};

export function buildMatcher(terms: MatchTerms, placeholders: Record<MatchKind, string> = ERASED_PLACEHOLDER): Matcher {
  const parts: { kind: MatchKind; pattern: string }[] = [];
  const add = (kind: MatchKind, pattern: string | null) => {
    if (pattern && !parts.some((p) => p.pattern === pattern)) parts.push({ kind, pattern });
  };
  // Longer names first, so "Jo Anne Smith" is matched before "Anne Smith".
  for (const n of [...terms.names].sort((a, b) => b.length - a.length)) add('name', namePattern(n));
  for (const e of terms.emails) add('email', emailPattern(e));
  for (const p of terms.phones) add('phone', phonePattern(p));

  const empty = parts.length === 0;
  const anchors = buildAnchors(terms);
  const mightMatch = (text: string): boolean => {
    if (empty || text === '') return false;
    if (anchors.always) return true;
    const lower = text.toLowerCase();
    if (anchors.words.some((w) => lower.includes(w))) return true;
    if (anchors.digits.length > 0) {
      // Separators a phone number may be typed with, and JSON's escapes for line breaks and tabs.
      const stripped = lower.replace(/\\[nrtbf]|\\u00[0-9a-f]{2}|[\s\-.()/\u00a0]/g, '');
      if (anchors.digits.some((d) => stripped.includes(d))) return true;
    }
    return false;
  };
  const source = parts
    .map((p, i) => {
      // Names are bounded by letters and digits; emails and phones carry their own bounds.
      const bounded = p.kind === 'name' ? `(?<![${LETTER_OR_DIGIT}])${p.pattern}(?![${LETTER_OR_DIGIT}])` : p.pattern;
      return `(?<m${i}>${bounded})`;
    })
    .join('|');
  const regex = empty ? null : new RegExp(source, 'giu');

  const find = (text: string): TextMatch[] => {
    if (!regex || !mightMatch(text)) return [];
    const normal = text.normalize('NFC');
    const out: TextMatch[] = [];
    for (const m of normal.matchAll(regex)) {
      const groups = m.groups ?? {};
      const i = parts.findIndex((_, k) => groups[`m${k}`] !== undefined);
      out.push({ kind: parts[i]!.kind, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
    return out;
  };

  const scrub = (text: string): string => {
    const matches = find(text);
    if (matches.length === 0) return text;
    const normal = text.normalize('NFC');
    let out = '';
    let at = 0;
    for (const m of matches) {
      out += normal.slice(at, m.start) + placeholders[m.kind];
      at = m.end;
    }
    return out + normal.slice(at);
  };

  const scrubJson = (value: unknown): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (Array.isArray(value)) return value.map(scrubJson);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v)]));
    }
    return value;
  };

  const scrubStored = (value: string): string => {
    if (!mightMatch(value)) return value;
    const trimmed = value.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"')) {
      try {
        const parsed: unknown = JSON.parse(value);
        const next = JSON.stringify(scrubJson(parsed));
        // Raw text is scrubbed too, in case something is stored unescaped beside the JSON.
        return next === JSON.stringify(parsed) ? scrub(value) : scrub(next);
      } catch {
        // Not JSON after all: plain text.
      }
    }
    return scrub(value);
  };

  return {
    empty,
    mightMatch,
    find,
    scrub,
    scrubJson,
    scrubStored,
    test: (value) => !empty && scrubStored(value) !== value,
  };
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * What any match must contain: the longest run of letters of each name (lower case), each email
 * (lower case), the digits of each phone after its prefix. Text outside ASCII can fold case in
 * ways toLowerCase does not, so a non-ASCII name or email turns the fast check off.
 */
function buildAnchors(terms: MatchTerms): { always: boolean; words: string[]; digits: string[] } {
  const words: string[] = [];
  const digits: string[] = [];
  let always = false;
  for (const n of terms.names) {
    if (nameWords(n).length < 2) continue;
    const longest = (n.match(/[\p{L}\p{N}]+/gu) ?? []).sort((a, b) => b.length - a.length)[0] ?? '';
    if (!ASCII.test(longest) || longest === '') always = true;
    else words.push(longest.toLowerCase());
  }
  for (const e of terms.emails) {
    if (!emailPattern(e)) continue;
    if (!ASCII.test(e.trim())) always = true;
    else words.push(e.trim().toLowerCase());
  }
  for (const p of terms.phones) {
    if (!phonePattern(p)) continue;
    const r = normalisePhone(p.trim());
    digits.push(r.ok ? r.e164.slice(r.uk ? 3 : 1) : p.replace(/\D/g, ''));
  }
  return { always, words, digits };
}

/** A short piece of text around each match, for the preview before erasing. */
export function snippets(text: string, matches: readonly TextMatch[], context = 40): string[] {
  const normal = text.normalize('NFC');
  return matches.map((m) => {
    const from = Math.max(0, m.start - context);
    const to = Math.min(normal.length, m.end + context);
    const clean = (s: string) => s.replace(/\s+/g, ' ');
    return `${from > 0 ? '…' : ''}${clean(normal.slice(from, m.start))}«${clean(m.text)}»${clean(normal.slice(m.end, to))}${to < normal.length ? '…' : ''}`;
  });
}
