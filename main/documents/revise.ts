import type { Database } from 'better-sqlite3';
import type { DocumentDetail } from '../../shared/contract/documents';
import type { TemplateStatus } from '../../shared/contract/document-revisions';
import type { HandlerGroup } from '../ipc/dispatcher';
import type { Channel } from '../../shared/contract';
import { carryValues, compareVersions, partyIds, signatoryIds } from '../../shared/documents/values';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { getDetail, getStored, insertDocument, syncPeople } from './repository';
import { getTemplate } from './templates';

/** The template a document was made on, against the template as it is now. */
export function templateStatus(db: Database, id: number): TemplateStatus {
  const d = getStored(db, id);
  let current: string | null = null;
  try {
    current = getTemplate(db, d.templateKey).template.version;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
  }
  return { madeOn: d.template.version, current, newer: current !== null && compareVersions(current, d.template.version) > 0 };
}

/** A new draft on the current template, with the old document's values carried over by key. */
export function reviseOnTemplate(db: Database, id: number): DocumentDetail & { dropped: string[] } {
  const d = getStored(db, id);
  const { template, json } = getTemplate(db, d.templateKey);
  const { values, dropped } = carryValues(template, d.values);
  const newId = db.transaction(() => {
    const n = insertDocument(db, { title: d.title, template, templateJson: json, marking: d.marking, values });
    syncPeople(db, n, partyIds(template, values), signatoryIds(template, values));
    if (d.reviewDate) db.prepare('UPDATE documents SET review_date = ? WHERE id = ?').run(d.reviewDate, n);
    recordAudit(db, 'document', n, 'create');
    return n;
  })();
  return { ...getDetail(db, newId), dropped };
}

type RevisionChannel = Extract<Channel, `documentRevisions.${string}`>;

export const documentRevisionHandlers: HandlerGroup<RevisionChannel> = {
  'documentRevisions.templateStatus': (req, { db }) => templateStatus(db, req.id),
  'documentRevisions.reviseOnTemplate': (req, { db }) => reviseOnTemplate(db, req.id),
};
