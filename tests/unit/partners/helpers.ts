import type { Database } from 'better-sqlite3';
import { createOrganisation } from '../../../main/partners/organisations';
import { createPerson } from '../../../main/partners/people';
import type { OrganisationInput, PersonInput, PostInput } from '../../../shared/partners/domain';
import { emptyOrganisation, emptyPerson } from '../../../shared/partners/domain';

export const org = (db: Database, v: Partial<OrganisationInput> & { name: string }) =>
  createOrganisation(db, { ...emptyOrganisation(), ...v });

export const person = (
  db: Database,
  v: Partial<PersonInput> & { name: string },
  post?: Omit<Partial<PostInput>, 'organisationId'> & { organisationId: number },
) =>
  createPerson(
    db,
    { ...emptyPerson(), ...v },
    post ? { jobTitle: '', email: '', phone: '', isSpoc: false, startedOn: null, ...post } : null,
  );
