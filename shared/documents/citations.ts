import { CITABLE_LAW } from './citable-law';

/*
 * Finding the law a text cites: each Act, regulation or guidance named, and the sections, articles,
 * schedules and parts attributed to it, matched against the list in citable-law.ts. What is cited
 * but not in the list is "uncitable": templates and help text may cite only what the list holds.
 */

/** Instruments whose numbered parts can be attributed: articles belong to UK GDPR, sections to Acts. */
const instruments = CITABLE_LAW.filter((e) => !e.parent);
const provisionsOf = (parent: string) => CITABLE_LAW.filter((e) => e.parent === parent && e.provisions);

export type Citation = {
  /** The text as written. */
  text: string;
  index: number;
  kind: 'instrument' | 'provision';
  /** The entry it matches, or null when the product may not cite it. */
  entryId: string | null;
  /** For a provision: the normalised reference ("s47", "art6(1)(ea)") and the instrument it was read as belonging to. */
  ref?: string;
  instrumentId?: string | null;
};

/** Any "Name Act 1998", "Name Regulations 2026" or "Name Act (Northern Ireland) 2015", known or not. */
const ANY_INSTRUMENT =
  /\b(?:[A-Z][\w’'-]*|\((?:[A-Z][\w’'-]*)(?:\s(?:[A-Z][\w’'-]*|and|of|the|for))*\))(?:\s(?:[A-Z][\w’'-]*|and|of|the|for|to|on|in|\((?:[A-Z][\w’'.-]*)(?:\s(?:[A-Z][\w’'.-]*|and|of|the|for|No\.|\d+))*\)))*\s(?:Act|Regulations|Order)(?:\s\((?:Scotland|Northern Ireland|Wales)\))?\s(?:1[89]|20)\d\d\b/g;
/** A bare mention of GDPR or the Data Protection Directive counts as citing an instrument. */
const OTHER_INSTRUMENT = /\b(?:EU GDPR|GDPR|Data Protection Directive|Directive 95\/46\/EC|Regulation \(EU\) 2016\/679)\b/g;

const SECTION =
  /\b(?:[Ss]ections?\s|ss?\.\s?|s(?=\d))(\d+[A-Z]?)((?:\(\w+\))*)(?:\s?(?:-|–|to|and)\s?(?:s\.?\s?)?(\d+[A-Z]?)\b)?/g;
const ARTICLE = /\bArt(?:icles?|s?\.)\s?(\d+)((?:\(\w+\))*)(?:\s?(?:-|–|to|and)\s?(\d+)\b)?/g;
const SCHEDULE = /\bSchedule\s(\d+)(?:,?\s(?:Part\s)?(\d+)\b)?/g;
const PARA = /\bpara(?:graph)?s?\.?\s?(\d+)((?:\s?(?:,|-|–|to|and|or)\s?\d+\b)*)/g;
const PART = /\bPart\s(\d+)(?:,?\s(?:Chapter)\s(\d+))?/g;
const REGULATION = /\bregulation\s(\d+)/g;
const ANNEX = /\bAnnex\s(\d+)/g;

type Span = { start: number; end: number; id: string | null; text: string };

function instrumentSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const e of instruments)
    for (const m of e.matchers) {
      const re = new RegExp(m.source, m.flags.includes('g') ? m.flags : `${m.flags}g`);
      for (const hit of text.matchAll(re))
        spans.push({ start: hit.index, end: hit.index + hit[0].length, id: e.id, text: hit[0] });
    }
  // Codes and guidance with a parent are instruments of their own for attribution purposes too.
  for (const e of CITABLE_LAW)
    if (e.parent && !e.provisions)
      for (const m of e.matchers) {
        const re = new RegExp(m.source, m.flags.includes('g') ? m.flags : `${m.flags}g`);
        for (const hit of text.matchAll(re))
          spans.push({ start: hit.index, end: hit.index + hit[0].length, id: e.id, text: hit[0] });
      }
  const covered = (s: number, en: number) => spans.some((k) => k.id !== null && k.start < en && k.end > s);
  for (const re of [ANY_INSTRUMENT, OTHER_INSTRUMENT])
    for (const hit of text.matchAll(re)) {
      let s = hit.index;
      let t = hit[0];
      const lead = /^(?:The|A|An|In|Under|See|And|Or|Of)\s/.exec(t);
      if (lead) {
        s += lead[0].length;
        t = t.slice(lead[0].length);
      }
      if (!covered(s, s + t.length)) spans.push({ start: s, end: s + t.length, id: null, text: t });
    }
  return spans.sort((a, b) => a.start - b.start);
}

/** Which instrument a provision at [start, end) belongs to: "of the X" after it, else the nearest earlier mention that has such provisions. */
function attribute(
  text: string,
  start: number,
  end: number,
  spans: Span[],
  fits: (id: string) => boolean,
): string | null | undefined {
  const after = /^,?\s(?:(?:of|to|in)\s)?(?:the\s)?/.exec(text.slice(end));
  if (after) {
    const next = spans.find((s) => s.start === end + after[0].length);
    if (next) return next.id;
  }
  // "UK GDPR Article 6", "Children Act 1989 s47", and earlier mentions in the same text.
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i]!;
    if (s.end > start) continue;
    if (s.id === null) {
      // An unknown instrument immediately before the provision owns it.
      if (/^,?\s*$/.test(text.slice(s.end, start))) return null;
      continue;
    }
    if (fits(s.id)) return s.id;
  }
  return undefined;
}

const hasKind = (id: string, prefix: string) => provisionsOf(id).some((p) => p.provisions!.some((r) => r.startsWith(prefix)));

function coveredBy(ref: string, instrumentId: string): string | null {
  for (const p of provisionsOf(instrumentId))
    for (const r of p.provisions!) {
      if (r === ref) return p.id;
      if (r.endsWith('*') && (ref === r.slice(0, -1) || ref.startsWith(`${r.slice(0, -1)}(`))) return p.id;
    }
  return null;
}

/**
 * Every citation in a text: instruments by name, and numbered provisions (sections, articles,
 * schedules and their paragraphs, parts, regulations) read against the instrument they belong to.
 * A citation whose `entryId` is null is one the product may not cite.
 */
export function findCitations(text: string): Citation[] {
  const spans = instrumentSpans(text);
  const out: Citation[] = spans.map((s) => ({ text: s.text, index: s.start, kind: 'instrument', entryId: s.id }));
  const add = (index: number, written: string, ref: string, instrumentId: string | null | undefined) => {
    const id = instrumentId ?? null;
    out.push({
      text: written,
      index,
      kind: 'provision',
      ref,
      instrumentId: id,
      entryId: id ? coveredBy(ref, id) : null,
    });
  };
  const inInstrumentName = (i: number) => spans.some((s) => s.start <= i && s.end > i);
  const lastSchedule = new Map<number, number>();

  for (const m of text.matchAll(SECTION)) {
    if (inInstrumentName(m.index)) continue;
    const owner = attribute(text, m.index, m.index + m[0].length, spans, (id) => hasKind(id, 's'));
    add(m.index, m[0], `s${m[1]}${m[2] ?? ''}`, owner);
    if (m[3]) add(m.index, m[0], `s${m[3]}`, owner);
  }
  for (const m of text.matchAll(ARTICLE)) {
    const owner = attribute(text, m.index, m.index + m[0].length, spans, (id) => hasKind(id, 'art'));
    // An article with no instrument named is read as UK GDPR's, the only articles the product cites.
    add(m.index, m[0], `art${m[1]}${m[2] ?? ''}`, owner === undefined ? 'uk-gdpr' : owner);
    if (m[3]) add(m.index, m[0], `art${m[3]}`, owner === undefined ? 'uk-gdpr' : owner);
  }
  for (const m of text.matchAll(SCHEDULE)) {
    const owner = attribute(text, m.index, m.index + m[0].length, spans, (id) => hasKind(id, 'sch'));
    lastSchedule.set(m.index, Number(m[1]));
    add(m.index, m[0], `sch${m[1]}${m[2] ? `-pt${m[2]}` : ''}`, owner === undefined ? 'data-protection-act-2018' : owner);
  }
  for (const m of text.matchAll(PARA)) {
    // A paragraph belongs to the schedule named nearest before it (or "of Schedule N" after it); Schedule 1 otherwise.
    const ofAfter = /^\s(?:of|in)\s(?:the\s)?Schedule\s(\d+)/.exec(text.slice(m.index + m[0].length));
    let sch = ofAfter ? Number(ofAfter[1]) : undefined;
    if (sch === undefined) for (const [at, n] of lastSchedule) if (at < m.index) sch = n;
    const owner = attribute(text, m.index, m.index + m[0].length, spans, (id) => hasKind(id, 'sch'));
    const inst = owner === undefined ? 'data-protection-act-2018' : owner;
    for (const n of [m[1], ...(m[2]?.match(/\d+/g) ?? [])]) add(m.index, m[0], `sch${sch ?? 1}-para${n}`, inst);
  }
  for (const m of text.matchAll(PART)) {
    // "Schedule 1 Part 2" is read with the schedule.
    if (/Schedule\s\d+,?\s$/.test(text.slice(Math.max(0, m.index - 14), m.index))) continue;
    const owner = attribute(text, m.index, m.index + m[0].length, spans, (id) => hasKind(id, 'pt'));
    add(m.index, m[0], `pt${m[1]}${m[2] ? `-ch${m[2]}` : ''}`, owner === undefined ? 'data-protection-act-2018' : owner);
  }
  for (const m of text.matchAll(REGULATION)) {
    const owner = attribute(text, m.index, m.index + m[0].length, spans, (id) => hasKind(id, 'reg'));
    add(m.index, m[0], `reg${m[1]}`, owner);
  }
  for (const m of text.matchAll(ANNEX)) {
    const owner = attribute(text, m.index, m.index + m[0].length, spans, (id) => hasKind(id, 'annex'));
    add(m.index, m[0], `annex${m[1]}`, owner === undefined ? 'uk-gdpr' : owner);
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The citations in a text that are not on the list. */
export const uncitable = (text: string): Citation[] => findCitations(text).filter((c) => c.entryId === null);
