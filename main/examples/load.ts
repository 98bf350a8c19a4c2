import type { Database } from 'better-sqlite3';
import type { ExampleLoadResult, ExamplePartnership } from '../../shared/examples/example-partnership';
import { DEFAULT_PARTNERSHIP_NAME, examplePartnershipSchema } from '../../shared/examples/example-partnership';
import { recordAudit } from '../audit/repository';
import { organisationIdByName, personNameExists } from '../partners/directory-api';
import { createOrganisation } from '../partners/organisations';
import { createPerson } from '../partners/people';
import { getSettings, updateSettings } from '../settings/repository';
import { loadExampleRecords } from './records';
import { loadExamplePlan } from '../plans/example';
import { loadExampleReport } from '../reports/example';
import northshire from '../../resources/examples/northshire.json';

/** Parsed once: a broken example file is a build-time mistake the unit tests catch. */
let parsed: ExamplePartnership | null = null;
export function examplePartnership(): ExamplePartnership {
  parsed ??= examplePartnershipSchema.parse(northshire);
  return parsed;
}

const EXAMPLE_SOURCE = 'Example partnership (invented)';
const PERSON_NOTE = 'Example record: invented for the example partnership. Archive or erase it when you no longer need it.';

/**
 * Add the example partnership's organisations and people through the partners repository, so the
 * search index and audit log stay in step. Anything whose name is already in the directory
 * (archived or not, any case) is left alone, so loading twice adds nothing the second time.
 * The partnership settings change only while they still hold a new database's defaults.
 * Nothing is ever updated or deleted.
 */
export function loadExamplePartnership(db: Database, example: ExamplePartnership = examplePartnership()): ExampleLoadResult {
  return db.transaction((): ExampleLoadResult => {
    const result: ExampleLoadResult = {
      organisationsAdded: 0,
      organisationsSkipped: 0,
      peopleAdded: 0,
      peopleSkipped: 0,
      settingsUpdated: false,
    };

    for (const org of example.organisations) {
      if (organisationIdByName(db, org.name) !== null) {
        result.organisationsSkipped++;
        continue;
      }
      createOrganisation(db, org);
      result.organisationsAdded++;
    }

    for (const p of example.people) {
      const orgId = organisationIdByName(db, p.organisation);
      if (personNameExists(db, p.name) || orgId === null) {
        result.peopleSkipped++;
        continue;
      }
      createPerson(
        db,
        { name: p.name, pronouns: p.pronouns, notes: PERSON_NOTE, source: EXAMPLE_SOURCE, lawfulBasis: '', lastVerified: null },
        { organisationId: orgId, jobTitle: p.jobTitle, email: p.email, phone: p.phone, isSpoc: p.isSpoc, startedOn: null },
      );
      result.peopleAdded++;
    }

    const s = getSettings(db);
    if (s.name === DEFAULT_PARTNERSHIP_NAME && s.area === '' && s.coordinatorName === '' && s.coordinatorEmail === '') {
      updateSettings(db, { ...s, ...example.partnership });
      result.settingsUpdated = true;
    }
    if (example.records) result.recordsAdded = loadExampleRecords(db, example.records);
    if (example.records) result.recordsAdded = (result.recordsAdded ?? 0) + loadExamplePlan(db);
    if (example.records) result.recordsAdded = (result.recordsAdded ?? 0) + loadExampleReport(db);
    recordAudit(db, 'example_partnership', 'northshire', 'import');
    return result;
  })();
}
