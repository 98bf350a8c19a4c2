import type { CitableKind, Jurisdiction } from '../documents/citable-law';

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
  'great-britain': 'Great Britain',
  uk: 'United Kingdom',
};

export const KIND_LABELS: Record<CitableKind, string> = {
  act: 'Act',
  regulation: 'Regulation',
  section: 'Sections',
  article: 'Articles',
  schedule: 'Schedule',
  part: 'Part',
  'statutory-guidance': 'Statutory guidance',
  code: 'Code of practice',
  policy: 'Government policy',
};

/** One entry of the citable-law list as the round-up shows it, with the built-in templates that cite it. */
export type LawEntry = {
  id: string;
  title: string;
  kind: CitableKind;
  jurisdiction: Jurisdiction[];
  summary: string;
  reviewed: string;
  parent: string | null;
  citedBy: { key: string; title: string }[];
};

/** Legislation the library lists that is not on the citable list: shown as a link only. */
export type OtherAct = { resourceId: number; title: string; url: string };

export type LawRoundUp = { entries: LawEntry[]; otherActs: OtherAct[] };
