import type { Database } from 'better-sqlite3';
import { diffWords } from 'diff';
import type { DiffPart, DocumentDetail, DocumentStatus, DocumentSummary, SignatoryMatrix } from '../../shared/contract/documents';
import { EDITABLE, STATUS_LABELS, TRANSITIONS } from '../../shared/contract/documents';
import type { ResolveContext } from '../../shared/documents/resolve';
import { applyDefaults } from '../../shared/documents/defaults';
import { documentGaps, reviewDateFor } from '../../shared/documents/gaps';
import { defaultsFor, missingRequired, resolve } from '../../shared/documents/resolve';
import { describeFinding, staleInTree } from '../../shared/documents/stale-references';
import type { VersionHistoryRow } from '../../shared/documents/version-history';
import { versionHistoryRows } from '../../shared/documents/version-history';
import type { Template } from '../../shared/documents/template-schema';
import { treeToText } from '../../shared/documents/text';
import type { DocumentTree } from '../../shared/documents/tree';
import { directoryIds, partyIds, signatoryIds, valuesSchema } from '../../shared/documents/values';
import type { SaveOutcome } from '../../shared/files';
import { safeFileName } from '../../shared/files';
import type { ProtectiveMarking } from '../../shared/markings';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import type { HostServices } from '../ipc/dispatcher';
import { getSettings } from '../settings/repository';
import {
  getDirectoryPerson,
  organisationNames,
  organisationsOfPosts,
  personExists,
  resolveDirectory,
} from '../partners/directory-api';
import { writeDocxWithReport } from './docx-writer';
import type { StoredDocument } from './repository';
import {
  getDetail,
  getStored,
  getVersion,
  insertDocument,
  listVersions,
  insertVersion,
  lastVersionNumber,
  listDocuments,
  setReviewDate,
  setStatusRow,
  signatoryRows,
  syncPeople,
  updateDocumentRow,
} from './repository';
import { getTemplate } from './templates';

const today = () => new Date().toISOString().slice(0, 10);

/** Everything resolve() needs beyond the template and values, read from the store. */
/** The coordinator's current post (the contact documents name), when Settings links them to the directory. */
export function coordinatorPost(db: Database): number | null {
  const s = getSettings(db);
  if (s.coordinatorPersonId === null || !personExists(db, s.coordinatorPersonId)) return null;
  return getDirectoryPerson(db, s.coordinatorPersonId).postId ?? null;
}

/** The version history the app keeps for a document (see shared/documents/version-history.ts). */
export function historyRows(
  db: Database,
  doc: { id: number; status: string; versionLabel: string },
  today: string,
  agreeing?: { number: number; label: string; agreedBy: string; note: string; date: string },
): VersionHistoryRow[] {
  const s = getSettings(db);
  const versions = listVersions(db, doc.id);
  if (!agreeing) return versionHistoryRows(versions, doc, s.coordinatorName || s.name, today);
  const next = { ...agreeing, agreedAt: agreeing.date };
  return versionHistoryRows(
    [...versions, next],
    { status: 'agreed', versionLabel: agreeing.label },
    s.coordinatorName || s.name,
    today,
  );
}

export function contextFor(
  db: Database,
  doc: {
    id: number;
    title: string;
    status: string;
    versionLabel?: string;
    reviewDate: string | null;
    marking: ProtectiveMarking;
  },
  template: Template,
  values: Record<string, unknown>,
  opts: {
    version: string;
    date: string;
    publicSafe?: boolean;
    includeGuidance?: boolean;
    history?: readonly VersionHistoryRow[];
  },
): ResolveContext {
  const s = getSettings(db);
  const ids = directoryIds(template, values);
  const coordinator = coordinatorPost(db);
  const history = opts.history ?? historyRows(db, { ...doc, versionLabel: doc.versionLabel ?? opts.version }, opts.date);
  const dir = resolveDirectory(db, ids.organisations, coordinator === null ? ids.contacts : [...ids.contacts, coordinator]);
  // An agreed document takes effect (by default) on the day it was agreed, whenever it is exported.
  const agreedOn =
    doc.status === 'agreed' && doc.versionLabel
      ? listVersions(db, doc.id)
          .find((v) => v.label === doc.versionLabel)
          ?.agreedAt.slice(0, 10)
      : undefined;
  const signed = new Map<number, string>();
  for (const r of signatoryRows(db, doc.id)) if (r.signedOn) signed.set(r.contactId, r.signedOn);
  return {
    partnership: { name: s.name, area: s.area, coordinatorName: s.coordinatorName, coordinatorEmail: s.coordinatorEmail },
    document: {
      title: doc.title,
      version: opts.version,
      date: opts.date,
      marking: doc.marking,
      reviewDate: doc.reviewDate,
      status: STATUS_LABELS[doc.status as DocumentStatus] ?? doc.status,
    },
    directory: {
      organisations: new Map(dir.organisations.map((o) => [o.id, o])),
      contacts: new Map(dir.contacts.map((c) => [c.id, c])),
    },
    signed,
    publicSafe: opts.publicSafe === true,
    includeGuidance: opts.includeGuidance ?? false,
    defaults: { coordinator, versionHistory: history, ...(agreedOn ? { date: agreedOn } : {}) },
  };
}

export function currentTree(db: Database, d: StoredDocument, publicSafe = false): DocumentTree {
  return resolve(
    d.template,
    d.values,
    contextFor(db, d, d.template, d.values, { version: d.versionLabel, date: today(), publicSafe }),
  );
}

export function createDocument(
  db: Database,
  req: { templateKey: string; title: string; marking?: ProtectiveMarking | undefined },
): DocumentDetail {
  const { template } = getTemplate(db, req.templateKey);
  const marking = req.marking ?? template.marking ?? getSettings(db).defaultMarking;
  const id = db.transaction(() => {
    const newId = insertDocument(db, { title: req.title, template, templateJson: JSON.stringify(template), marking, values: {} });
    recordAudit(db, 'document', newId, 'create');
    return newId;
  })();
  return getDetail(db, id);
}

export function updateDocument(
  db: Database,
  req: {
    id: number;
    revision: number;
    title?: string | undefined;
    values?: Record<string, unknown> | undefined;
    reviewDate?: string | null | undefined;
    marking?: ProtectiveMarking | undefined;
  },
): { revision: number; updatedAt: string } {
  return db.transaction(() => {
    const d = getStored(db, req.id);
    if (!EDITABLE.includes(d.status))
      throw new AppError(
        'conflict',
        `This document is ${STATUS_LABELS[d.status].toLowerCase()}, so it cannot be changed. Start a revision to change it.`,
      );
    if (d.revision !== req.revision)
      throw new AppError(
        'stale',
        'This document was changed in another window since you opened it. Reload it to see the latest version.',
      );
    let values = d.values;
    if (req.values) {
      const parsed = valuesSchema(d.template).safeParse(req.values);
      if (!parsed.success)
        throw new AppError(
          'invalid_request',
          'Some values do not fit their fields. Nothing was saved.',
          parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.')}: ${i.message}`),
        );
      values = parsed.data;
    }
    const result = updateDocumentRow(db, d.id, {
      title: req.title ?? d.title,
      valuesJson: JSON.stringify(values),
      reviewDate: req.reviewDate === undefined ? d.reviewDate : req.reviewDate,
      marking: req.marking ?? d.marking,
    });
    if (req.values) syncPeople(db, d.id, partyIds(d.template, values), signatoryIds(d.template, values));
    recordAudit(db, 'document', d.id, 'update');
    return result;
  })();
}

function assertTransition(from: DocumentStatus, to: DocumentStatus): void {
  if (!TRANSITIONS[from].includes(to))
    throw new AppError(
      'conflict',
      `A document that is ${STATUS_LABELS[from].toLowerCase()} cannot become ${STATUS_LABELS[to].toLowerCase()}.`,
    );
}

export function setStatus(db: Database, id: number, status: Exclude<DocumentStatus, 'agreed'>): DocumentDetail {
  db.transaction(() => {
    const d = getStored(db, id);
    assertTransition(d.status, status);
    // Starting a revision of agreed version n gives draft n.1.
    const label = status === 'draft' && d.status === 'agreed' ? `${lastVersionNumber(db, id)}.1` : d.versionLabel;
    setStatusRow(db, id, status, label);
    recordAudit(db, 'document', id, 'status');
  })();
  return getDetail(db, id);
}

/**
 * Agreeing freezes the document as it reads. It is refused while the resolved document (after its
 * conditions, so switched-off blocks do not count) still shows a gap, and, unless the person has
 * seen and acknowledged them, while it still holds stale references. The review date follows from
 * the review cycle, counted from the day it is agreed.
 */
export function agree(
  db: Database,
  id: number,
  note: string,
  agreedBy?: string,
  opts: { acknowledgeStale?: boolean | undefined; today?: string } = {},
): DocumentDetail {
  db.transaction(() => {
    const d = getStored(db, id);
    assertTransition(d.status, 'agreed');
    const date = opts.today ?? today();
    const number = lastVersionNumber(db, id) + 1;
    const label = `${number}.0`;
    // The review cycle may be a default (every year), so the date follows the values as resolved.
    const reviewDate = reviewDateFor(d.template, applyDefaults(d.template, d.values), date, d.reviewDate);
    const doc = { ...d, reviewDate };
    const s = getSettings(db);
    const by = agreedBy?.trim() || s.coordinatorName || 'The coordinator';
    const history = historyRows(db, d, date, { number, label, agreedBy: by, note, date });
    const context = contextFor(db, doc, d.template, d.values, { version: label, date, history });
    const tree = resolve(d.template, d.values, context);
    const gaps = [
      ...new Set([...missingRequired(d.template, d.values, defaultsFor(context)), ...documentGaps(tree).map((g) => g.label)]),
    ];
    if (gaps.length > 0)
      throw new AppError(
        'invalid_request',
        `Fill these in before agreeing: ${gaps.join(', ')}.`,
        gaps.map((g) => `${g} is not given yet`),
      );
    const stale = staleInTree(tree);
    if (stale.length > 0 && opts.acknowledgeStale !== true)
      throw new AppError(
        'conflict',
        `The document still has ${stale.length} out-of-date reference${stale.length === 1 ? '' : 's'}. Check them, then agree again to confirm.`,
        stale.map(describeFinding),
      );
    insertVersion(db, {
      documentId: id,
      number,
      label,
      agreedBy: by,
      note,
      values: d.values,
      templateJson: JSON.stringify(d.template),
      tree,
    });
    if (reviewDate !== d.reviewDate) setReviewDate(db, id, reviewDate);
    setStatusRow(db, id, 'agreed', label);
    recordAudit(db, 'document', id, 'agree');
  })();
  return getDetail(db, id);
}

export function sign(db: Database, id: number, contactId: number, signedOn: string | null): DocumentDetail {
  db.transaction(() => {
    const d = getStored(db, id);
    if (d.status === 'superseded' || d.status === 'withdrawn')
      throw new AppError(
        'conflict',
        `This document is ${STATUS_LABELS[d.status].toLowerCase()}; signatures can no longer be recorded.`,
      );
    const r = db
      .prepare('UPDATE document_signatories SET signed_on = ? WHERE document_id = ? AND post_id = ?')
      .run(signedOn, id, contactId);
    if (r.changes === 0) throw new AppError('not_found', 'That person is not a signatory of this document.');
    recordAudit(db, 'document', id, 'update');
  })();
  return getDetail(db, id);
}

function versionText(db: Database, id: number, which: number | 'current'): string {
  if (which === 'current') return treeToText(currentTree(db, getStored(db, id)));
  return treeToText(getVersion(db, id, which).tree);
}

/** A word-level comparison of the resolved text of two versions (or a version and the current draft). */
export function diffVersions(db: Database, id: number, from: number, to: number | 'current'): DiffPart[] {
  const parts = diffWords(versionText(db, id, from), versionText(db, id, to));
  return parts.map((p) => {
    const out: DiffPart = { value: p.value };
    if (p.added) out.added = true;
    if (p.removed) out.removed = true;
    return out;
  });
}

const DAY = 86_400_000;
export function reviewDue(db: Database, now = new Date()): (DocumentSummary & { daysUntilReview: number })[] {
  const todayIso = now.toISOString().slice(0, 10);
  const limit = new Date(Date.parse(todayIso) + 90 * DAY).toISOString().slice(0, 10);
  return listDocuments(db)
    .filter((d) => d.reviewDate && d.reviewDate <= limit && ['draft', 'in_review', 'agreed'].includes(d.status))
    .map((d) => ({ ...d, daysUntilReview: Math.round((Date.parse(d.reviewDate!) - Date.parse(todayIso)) / DAY) }))
    .sort((a, b) => a.daysUntilReview - b.daysUntilReview);
}

export function signatoryMatrix(db: Database): SignatoryMatrix {
  const documents = db
    .prepare(
      // Agreed documents, including one under revision: its last agreed version is still in force.
      `SELECT d.id, d.title, v.label AS versionLabel
         FROM documents d
         JOIN document_versions v ON v.document_id = d.id
          AND v.number = (SELECT max(number) FROM document_versions WHERE document_id = d.id)
        WHERE d.status NOT IN ('superseded', 'withdrawn')
        ORDER BY d.title COLLATE NOCASE LIMIT 200`,
    )
    .all() as SignatoryMatrix['documents'];
  if (documents.length === 0) return { documents, organisations: [] };
  const docIds = documents.map((d) => d.id);
  const marks = docIds.map(() => '?').join(',');
  const parties = db
    .prepare(
      `SELECT p.document_id AS documentId, p.organisation_id AS organisationId FROM document_parties p
        WHERE p.document_id IN (${marks})`,
    )
    .all(...docIds) as { documentId: number; organisationId: number }[];
  const signedRows = db
    .prepare(
      `SELECT s.document_id AS documentId, s.post_id AS postId FROM document_signatories s
        WHERE s.document_id IN (${marks}) AND s.signed_on IS NOT NULL`,
    )
    .all(...docIds) as { documentId: number; postId: number }[];
  // Which organisation each signatory's post is at, and the parties' names: the directory owns both.
  const postOrg = organisationsOfPosts(
    db,
    signedRows.map((r) => r.postId),
  );
  const signedBy = new Set(signedRows.map((r) => `${r.documentId}:${postOrg.get(r.postId)}`));
  const names = organisationNames(
    db,
    parties.map((p) => p.organisationId),
  );
  const orgs = new Map<number, { id: number; name: string; cells: SignatoryMatrix['organisations'][number]['cells'] }>();
  const column = new Map(docIds.map((d, i) => [d, i]));
  for (const p of parties) {
    const name = names.get(p.organisationId);
    if (name === undefined) continue;
    let o = orgs.get(p.organisationId);
    if (!o) {
      o = { id: p.organisationId, name, cells: docIds.map(() => 'not_party' as const) };
      orgs.set(p.organisationId, o);
    }
    o.cells[column.get(p.documentId)!] = signedBy.has(`${p.documentId}:${p.organisationId}`) ? 'signed' : 'not_signed';
  }
  return { documents, organisations: [...orgs.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

export async function exportDocument(
  db: Database,
  host: HostServices,
  req: { id: number; version?: number | undefined; publicSafe: boolean },
): Promise<{ outcome: SaveOutcome; removedCharacters: number }> {
  const d = getStored(db, req.id);
  let tree: DocumentTree;
  let label = d.versionLabel;
  if (req.version !== undefined) {
    const v = getVersion(db, req.id, req.version);
    label = v.label;
    const template = (
      db
        .prepare(
          `SELECT t.body AS t FROM document_versions v JOIN document_template_snapshots t ON t.id = v.template_snapshot_id
            WHERE v.document_id = ? AND v.number = ?`,
        )
        .get(req.id, req.version) as { t: string }
    ).t;
    // The agreed text as frozen; a public-safe copy is resolved again from the frozen values.
    tree = req.publicSafe
      ? resolve(
          JSON.parse(template) as Template,
          v.values,
          contextFor(db, d, JSON.parse(template) as Template, v.values, {
            version: v.label,
            date: v.agreedAt.slice(0, 10),
            publicSafe: true,
          }),
        )
      : v.tree;
  } else {
    tree = currentTree(db, d, req.publicSafe);
  }
  const { bytes, removed } = await writeDocxWithReport(tree);
  const name = safeFileName(`${d.title} v${label}${req.publicSafe ? ' public' : ''}`);
  const outcome = await host.saveFile({
    suggestedName: `${name}.docx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    bytes,
  });
  if (outcome.status !== 'canceled') recordAudit(db, 'document', d.id, 'export');
  return { outcome, removedCharacters: removed };
}
