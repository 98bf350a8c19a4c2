import type { MatchKind } from './matcher';

/** A record linked to the person by id (attendance, a signature, an owned action). */
export type ErasureLink = {
  area: string;
  /** What the link is, e.g. "Signatory" or "Attended". */
  kind: string;
  /** The record it is on, e.g. the document or meeting title. */
  record: string;
  /** What erasure does to it. */
  change: string;
  createdAt: string | null;
  updatedAt: string | null;
};

/** Text in one column of one row that names the person. */
export type ErasureMatch = {
  area: string;
  table: string;
  column: string;
  rowId: number;
  /** Which field it is, in words ("Minutes", "Recipients"). */
  label: string;
  record: string;
  createdAt: string | null;
  updatedAt: string | null;
  kinds: MatchKind[];
  count: number;
  /** The matched text in context: the match itself is between « and ». */
  snippets: string[];
  /** The whole text (subject access only). */
  text?: string;
};

export type ErasurePreview = {
  person: { id: number; uid: string; name: string };
  terms: { names: string[]; emails: string[]; phones: string[] };
  links: ErasureLink[];
  matches: ErasureMatch[];
  /** Total occurrences of the name, emails and phones that will be replaced. */
  occurrences: number;
};
