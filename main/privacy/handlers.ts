import type { Channel } from '../../shared/contract';
import { safeFileName } from '../../shared/files';
import { subjectAccessTree } from '../../shared/privacy/subject-access';
import { entityLabel } from '../../shared/privacy/records';
import { toCsv } from '../../shared/partners/csv-export';
import { queryAudit } from '../audit/repository';
import { recordAudit } from '../audit/repository';
import { writeDocx } from '../documents/docx-writer';
import type { HandlerGroup } from '../ipc/dispatcher';
import { createRequest, listRequests, updateRequest } from './requests';
import { getRetentionRules, keepRecord, retentionDue, updateRetentionRules } from './retention';
import { collectSubjectAccess } from './subject-access';

type PrivacyChannel = Extract<Channel, `privacy.${string}`>;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const encoder = new TextEncoder();

export const privacyHandlers: HandlerGroup<PrivacyChannel> = {
  'privacy.subjectAccess.export': async (req, { db, host }) => {
    const data = collectSubjectAccess(db, host.dataDir, req.personId, { redactOthers: req.redactOthers });
    const base = safeFileName(`Subject access ${data.person.name} ${data.generatedAt.slice(0, 10)}`, 'Subject access');
    const report = await host.saveFile({
      suggestedName: `${base}.docx`,
      mimeType: DOCX_MIME,
      extension: 'docx',
      bytes: await writeDocx(subjectAccessTree(data)),
    });
    const json =
      report.status === 'canceled'
        ? report
        : await host.saveFile({
            suggestedName: `${base}.json`,
            mimeType: 'application/json',
            extension: 'json',
            bytes: encoder.encode(JSON.stringify(data, null, 2)),
          });
    if (report.status !== 'canceled') recordAudit(db, 'subject_access', req.personId, 'export');
    return { report, data: json };
  },
  'privacy.requests.list': (_req, { db }) => listRequests(db),
  'privacy.requests.create': (req, { db }) => createRequest(db, req),
  'privacy.requests.update': (req, { db }) => updateRequest(db, req),
  'privacy.retention.get': (_req, { db }) => getRetentionRules(db),
  'privacy.retention.update': (req, { db }) => updateRetentionRules(db, req.rules),
  'privacy.retention.due': (_req, { db }) => retentionDue(db),
  'privacy.retention.keep': (req, { db }) => {
    keepRecord(db, req.kind, req.recordId);
    return { kept: true as const };
  },
  'privacy.activity.list': (req, { db }) => queryAudit(db, req),
  'privacy.activity.exportCsv': async (req, { db, host }) => {
    const { rows } = queryAudit(db, { ...req, limit: 1_000_000, offset: 0 });
    const csv = toCsv([
      ['When (UTC)', 'What', 'Record', 'Action'],
      ...rows.map((r) => [r.at, entityLabel(r.entity), r.entityId, r.action]),
    ]);
    recordAudit(db, 'audit_log', 'csv', 'export');
    return host.saveFile({
      suggestedName: `Activity log ${new Date().toISOString().slice(0, 10)}.csv`,
      mimeType: 'text/csv',
      extension: 'csv',
      bytes: encoder.encode(csv),
    });
  },
};
