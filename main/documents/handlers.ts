import type { Channel } from '../../shared/contract';
import { safeFileName } from '../../shared/files';
import { recordAudit } from '../audit/repository';
import type { HandlerGroup } from '../ipc/dispatcher';
import { checkWordDocument, staleInStoredDocuments, staleInTemplateKey } from './checks';
import { getDetail, getVersion, listDocuments, listVersions } from './repository';
import {
  agree,
  createDocument,
  diffVersions,
  exportDocument,
  reviewDue,
  setStatus,
  sign,
  signatoryMatrix,
  updateDocument,
} from './service';
import { deleteTemplate, duplicateTemplate, getTemplate, importTemplate, listTemplates, saveTemplate } from './templates';

type DocumentsChannel = Extract<Channel, `documents.${string}`>;

export const documentsHandlers: HandlerGroup<DocumentsChannel> = {
  'documents.templates.list': (_req, { db }) => listTemplates(db),
  'documents.templates.get': (req, { db }) => getTemplate(db, req.key),
  'documents.templates.duplicate': (req, { db }) => duplicateTemplate(db, req.key),
  'documents.templates.save': (req, { db }) => saveTemplate(db, req.key, req.json),
  'documents.templates.import': (req, { db }) => importTemplate(db, req.text),
  'documents.templates.export': async (req, { db, host }) => {
    const t = getTemplate(db, req.key);
    const outcome = await host.saveFile({
      suggestedName: `${safeFileName(t.template.title, 'template')}.json`,
      mimeType: 'application/json',
      extension: 'json',
      bytes: new TextEncoder().encode(t.json),
    });
    if (outcome.status !== 'canceled') recordAudit(db, 'document_template', t.template.key, 'export');
    return outcome;
  },
  'documents.templates.delete': (req, { db }) => {
    deleteTemplate(db, req.key);
    return { deleted: true };
  },
  'documents.list': (req, { db }) => (req.reviewDue ? reviewDue(db) : listDocuments(db, req)),
  'documents.create': (req, { db }) => createDocument(db, req),
  'documents.get': (req, { db }) => getDetail(db, req.id),
  'documents.update': (req, { db }) => updateDocument(db, req),
  'documents.setStatus': (req, { db }) => setStatus(db, req.id, req.status),
  'documents.agree': (req, { db }) => agree(db, req.id, req.note, req.agreedBy, { acknowledgeStale: req.acknowledgeStale }),
  'documents.sign': (req, { db }) => sign(db, req.id, req.contactId, req.signedOn),
  'documents.versions.list': (req, { db }) => {
    getDetail(db, req.id);
    return listVersions(db, req.id);
  },
  'documents.versions.get': (req, { db }) => getVersion(db, req.id, req.number),
  'documents.versions.diff': (req, { db }) => diffVersions(db, req.id, req.from, req.to),
  'documents.reviewDue': (_req, { db }) => reviewDue(db),
  'documents.matrix': (_req, { db }) => signatoryMatrix(db),
  'documents.export': (req, { db, host }) => exportDocument(db, host, req),
  'documents.checks.stored': (_req, { db }) => staleInStoredDocuments(db),
  'documents.checks.template': (req, { db }) => staleInTemplateKey(db, req.key),
  'documents.checks.word': (req) => checkWordDocument(req.name, Buffer.from(req.base64, 'base64')),
};
