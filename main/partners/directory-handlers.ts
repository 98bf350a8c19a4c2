import type { Channel } from '../../shared/contract';
import { emptyOrganisation, emptyPerson } from '../../shared/partners/domain';
import { inferSector } from '../../shared/partners/infer-sector';
import { AppError } from '../../shared/result';
import type { HandlerGroup } from '../ipc/dispatcher';
import {
  findByName,
  getContacts,
  getDirectoryPerson,
  getOrganisation,
  getOrganisations,
  getPeople,
  memberOrganisations,
  organisationIdByName,
  resolveDirectory,
  searchContacts,
  searchOrganisations,
  searchPeople,
} from './directory-api';
import { organisationImpact, personImpact } from './impact';
import { insertOrganisation } from './organisations';
import { createPerson, getPersonDetail } from './people';

type DirectoryChannel = Extract<Channel, `directory.${string}`>;

export const directoryHandlers: HandlerGroup<DirectoryChannel> = {
  'directory.people.search': (req, { db }) => searchPeople(db, req.query, req.limit),
  'directory.people.get': (req, { db }) => getDirectoryPerson(db, req.id),
  'directory.people.getMany': (req, { db }) => getPeople(db, req.ids),
  'directory.people.createWithPost': (req, { db }) =>
    db.transaction(() => {
      let organisationId = req.organisationId;
      if (organisationId === null && req.organisationName !== '') {
        organisationId =
          organisationIdByName(db, req.organisationName) ??
          insertOrganisation(db, {
            ...emptyOrganisation(),
            name: req.organisationName,
            sector: inferSector(req.organisationName, req.email) ?? 'other',
          });
      }
      if (organisationId !== null) getOrganisation(db, organisationId);
      const post =
        organisationId === null
          ? null
          : { organisationId, jobTitle: req.jobTitle, email: req.email, phone: req.phone, isSpoc: req.isSpoc, startedOn: null };
      if (!post && (req.jobTitle !== '' || req.email !== '' || req.phone !== '')) {
        throw new AppError('invalid_request', 'Choose or name an organisation for the job title, email and phone.');
      }
      const person = createPerson(db, { ...emptyPerson(), name: req.name }, post);
      const postRow = getPersonDetail(db, person.id).posts[0] ?? null;
      return { person, post: postRow, contact: postRow ? (getContacts(db, [postRow.id])[0] ?? null) : null };
    })(),
  'directory.contacts.search': (req, { db }) => searchContacts(db, req.query, req.organisationId, req.limit),
  'directory.resolve': (req, { db }) => resolveDirectory(db, req.organisationIds, req.contactIds),
  'directory.findByName': (req, { db }) => findByName(db, req.organisations, req.contacts),
  'directory.organisations.search': (req, { db }) => searchOrganisations(db, req.query, req.limit, req.excludeMembership),
  'directory.organisations.get': (req, { db }) => getOrganisation(db, req.id),
  'directory.organisations.getMany': (req, { db }) => getOrganisations(db, req.ids),
  'directory.organisations.members': (req, { db }) => memberOrganisations(db, req.membership, req.organisationId),
  'directory.impact': (req, { db }) => (req.kind === 'organisation' ? organisationImpact(db, req.id) : personImpact(db, req.id)),
};
