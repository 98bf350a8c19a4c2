import { phoneUri } from './phone';

/** One person as a vCard 4.0 (RFC 6350): escaped values, CRLF, lines folded at 75 octets. */
export type VcardPerson = {
  id: number;
  name: string;
  pronouns: string;
  notes: string;
  updatedAt: string;
  posts: { organisation: string; jobTitle: string; email: string; phone: string; isSpoc: boolean }[];
};

/**
 * Escape a text value (RFC 6350 3.4): backslash, comma and newline always; semicolon only inside a
 * structured value (N, ORG), where it separates the components.
 */
export function escapeText(value: string, structured = false): string {
  const v = value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return structured ? v.replace(/;/g, '\\;') : v;
}

const encoder = new TextEncoder();

/** Fold a content line so no physical line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // a continuation line starts with one space
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

// Titles written before a name (police ranks included) and letters after it: they go in the
// prefix and suffix parts of N:, so an address book files "DI Mark Ellison" under Ellison, Mark.
const PREFIXES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'rev',
  'revd',
  'sir',
  'dame',
  'lord',
  'lady',
  'cllr',
  'councillor',
  'hon',
  'rt',
  'pc',
  'pcso',
  'sgt',
  'ds',
  'dc',
  'di',
  'dci',
  'dsi',
  'dsupt',
  'insp',
  'ch',
  'supt',
  'csupt',
  'acc',
  'dcc',
  'det',
  'cmdr',
  'capt',
  'major',
  'col',
  'judge',
]);
const SUFFIXES = new Set(['obe', 'mbe', 'cbe', 'qpm', 'kpm', 'kc', 'qc', 'jr', 'sr', 'phd', 'mp', 'jp', 'dl']);
const bare = (w: string) => w.toLowerCase().replace(/[.,]/g, '');

/** Split a display name for N: honorifics first, then given names, the family name, and letters after. */
export function structuredName(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const prefix: string[] = [];
  // Keep at least one word as a name even if every word looks like a title.
  while (words.length > 1 && PREFIXES.has(bare(words[0]!))) prefix.push(words.shift()!);
  const suffix: string[] = [];
  while (words.length > 1 && SUFFIXES.has(bare(words.at(-1)!))) suffix.unshift(words.pop()!.replace(/,$/, ''));
  if (words.length > 0) words[words.length - 1] = words.at(-1)!.replace(/,$/, '');
  const family = words.length > 1 ? words.pop()! : '';
  const e = (xs: string[]) => escapeText(xs.join(' '), true);
  return `${escapeText(family, true)};${e(words)};;${e(prefix)};${e(suffix)}`;
}

export function personToVcard(p: VcardPerson): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(p.name)}`, `N:${structuredName(p.name)}`];
  lines.push(`UID:urn:concordat:person:${p.id}`);
  const main = p.posts[0];
  if (main?.organisation) lines.push(`ORG:${escapeText(main.organisation, true)}`);
  if (main?.jobTitle) lines.push(`TITLE:${escapeText(main.jobTitle)}`);
  p.posts.forEach((post, i) => {
    const pref = i === 0 ? ';PREF=1' : '';
    if (post.email) lines.push(`EMAIL;TYPE=work${pref}:${escapeText(post.email)}`);
    const uri = post.phone ? phoneUri(post.phone) : null;
    if (uri) lines.push(`TEL;VALUE=uri;TYPE="work,voice"${pref}:${uri}`);
    else if (post.phone) lines.push(`TEL;VALUE=text;TYPE=work${pref}:${escapeText(post.phone)}`);
  });
  const roles = p.posts
    .filter((post) => post.isSpoc)
    .map((post) => `Modern slavery single point of contact for ${post.organisation}`);
  const note = [p.pronouns ? `Pronouns: ${p.pronouns}` : '', ...roles, p.notes].filter(Boolean).join('\n');
  if (note) lines.push(`NOTE:${escapeText(note)}`);
  lines.push(`REV:${p.updatedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export const peopleToVcards = (people: readonly VcardPerson[]): string => people.map(personToVcard).join('');
