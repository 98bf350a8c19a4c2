import type { Channel } from '../../shared/contract';
import { safeFileName } from '../../shared/files';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import type { HandlerGroup } from '../ipc/dispatcher';
import { ledgerForDataDir, ledgerRecorder } from '../privacy/ledger';
import { erasePerson, previewErasure } from './erasure';
import { exportCsv, exportVcards } from './export';
import { commitImport, previewImport } from './import';
import {
  coverage,
  createOrganisation,
  getOrganisationDetail,
  listOrganisations,
  setOrganisationArchived,
  updateOrganisation,
} from './organisations';
import {
  addPost,
  createPerson,
  endPost,
  getPersonDetail,
  listPeople,
  setPersonArchived,
  updatePerson,
  updatePost,
} from './people';
import { searchDirectory } from './search-index';

type PartnersChannel = Exclude<Extract<Channel, `partners.${string}`>, `partners.import.${string}`>;

const encoder = new TextEncoder();

export const partnersHandlers: HandlerGroup<PartnersChannel> = {
  'partners.organisations.list': (req, { db }) => listOrganisations(db, req),
  'partners.organisations.get': (req, { db }) => getOrganisationDetail(db, req.id),
  'partners.organisations.create': (req, { db }) => createOrganisation(db, req),
  'partners.organisations.update': (req, { db }) => updateOrganisation(db, req.id, req.value, req.version),
  'partners.organisations.archive': (req, { db }) => setOrganisationArchived(db, req.id, req.archived),
  'partners.people.list': (req, { db }) => listPeople(db, req),
  'partners.people.get': (req, { db }) => getPersonDetail(db, req.id),
  'partners.people.create': (req, { db }) => createPerson(db, req.value, req.post),
  'partners.people.update': (req, { db }) => updatePerson(db, req.id, req.value, req.version),
  'partners.people.archive': (req, { db }) => setPersonArchived(db, req.id, req.archived),
  'partners.people.erasurePreview': (req, { db }) => previewErasure(db, req.id),
  'partners.people.erase': (req, { db, host }) => {
    erasePerson(db, req.id, req.confirmName, ledgerRecorder(ledgerForDataDir(host.dataDir)));
    return { erased: true as const };
  },
  'partners.posts.add': (req, { db }) => addPost(db, req.personId, req.value),
  'partners.posts.update': (req, { db }) => updatePost(db, req.id, req.value, req.version),
  'partners.posts.end': (req, { db }) => endPost(db, req.id, req.endedOn),
  'partners.search': (req, { db }) => searchDirectory(db, req.query, req.limit),
  'partners.coverage': (_req, { db }) => coverage(db),
  'partners.importPreview': (req, { db }) => previewImport(db, req.text, req.mapping),
  'partners.importCommit': (req, { db }) =>
    commitImport(db, req.text, {
      mapping: req.mapping,
      skipBadRows: req.skipBadRows,
      duplicates: req.duplicates,
      organisations: req.organisations,
    }),
  'partners.exportCsv': async (req, { db, host }) => {
    const csv = exportCsv(db, req.personIds);
    recordAudit(db, 'directory', 'csv', 'export');
    const stamp = new Date().toISOString().slice(0, 10);
    return host.saveFile({
      suggestedName: `Partner directory ${stamp}.csv`,
      mimeType: 'text/csv',
      extension: 'csv',
      bytes: encoder.encode(csv),
    });
  },
  'partners.exportVcard': async (req, { db, host }) => {
    const { text, count, firstName } = exportVcards(db, req.personIds);
    if (count === 0) throw new AppError('not_found', 'There is nobody to export.');
    recordAudit(db, 'directory', 'vcard', 'export');
    return host.saveFile({
      suggestedName: count === 1 ? `${safeFileName(firstName, 'contact')}.vcf` : `Partner contacts (${count}).vcf`,
      mimeType: 'text/vcard',
      extension: 'vcf',
      bytes: encoder.encode(text),
    });
  },
};
