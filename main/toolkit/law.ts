import type { Database } from 'better-sqlite3';
import { CITABLE_LAW } from '../../shared/documents/citable-law';
import { findCitations } from '../../shared/documents/citations';
import type { LawRoundUp } from '../../shared/toolkit/law';
import { builtInTemplates } from '../documents/templates';
import { searchResources } from './resources';

/**
 * The legislation round-up: every entry of the one citable-law list, with the built-in templates
 * whose text cites it (by the list's own matchers and citation finder), and the other Acts the
 * library holds as links.
 */
export function lawRoundUp(db: Database, templates = builtInTemplates()): LawRoundUp {
  const cited = new Map<string, Map<string, string>>();
  const note = (id: string, key: string, title: string) => {
    const m = cited.get(id) ?? new Map<string, string>();
    m.set(key, title);
    cited.set(id, m);
  };
  for (const { template, json } of templates.values()) {
    for (const e of CITABLE_LAW)
      if (e.matchers.some((re) => new RegExp(re.source, re.flags.replace('g', '')).test(json)))
        note(e.id, template.key, template.title);
    for (const c of findCitations(json)) if (c.entryId) note(c.entryId, template.key, template.title);
  }
  const entries = CITABLE_LAW.map((e) => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    jurisdiction: [...e.jurisdiction],
    summary: e.summary,
    reviewed: e.reviewed,
    parent: e.parent ?? null,
    citedBy: [...(cited.get(e.id) ?? new Map<string, string>())].map(([key, title]) => ({ key, title })),
  }));
  const legislation = searchResources(db, {
    text: '',
    type: 'legislation',
    topic: null,
    audience: null,
    year: null,
    addedSince: null,
    limit: 500,
    offset: 0,
  }).items;
  const onList = (title: string) =>
    CITABLE_LAW.some((e) => !e.parent && e.matchers.some((re) => new RegExp(re.source, re.flags.replace('g', '')).test(title)));
  const otherActs = legislation
    .filter((r) => r.url && !onList(r.title))
    .map((r) => ({ resourceId: r.id, title: r.title, url: r.url }));
  return { entries, otherActs };
}
