import type { Database } from 'better-sqlite3';
import type { PartnershipSettings } from '../../shared/settings';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { getDirectoryPerson, personExists } from '../partners/directory-api';
import { checkVersion } from '../store/versioning';

export function getSettings(db: Database): PartnershipSettings {
  return db
    .prepare(
      `SELECT name, area, coordinator_name AS coordinatorName, coordinator_email AS coordinatorEmail,
              default_marking AS defaultMarking, coordinator_person_id AS coordinatorPersonId, version
         FROM partnership_settings WHERE id = 1`,
    )
    .get() as PartnershipSettings;
}

/**
 * Save the settings. `s.version` must be the stored version (callers inside main pass what they
 * read). With a coordinator chosen from the directory and no name or email typed, those come from
 * the directory person.
 */
export function updateSettings(db: Database, s: PartnershipSettings): PartnershipSettings {
  db.transaction(() => {
    checkVersion(db, 'partnership_settings', 1, s.version, 'settings page');
    let { coordinatorName, coordinatorEmail } = s;
    if (s.coordinatorPersonId !== null) {
      if (!personExists(db, s.coordinatorPersonId)) {
        throw new AppError('not_found', 'That coordinator is no longer in the partner directory. Choose them again.');
      }
      const person = getDirectoryPerson(db, s.coordinatorPersonId);
      if (coordinatorName === '') coordinatorName = person.name;
      if (coordinatorEmail === '') coordinatorEmail = person.email;
    }
    db.prepare(
      `UPDATE partnership_settings
          SET name = ?, area = ?, coordinator_name = ?, coordinator_email = ?, default_marking = ?,
              coordinator_person_id = ?, updated_at = ?, version = version + 1
        WHERE id = 1`,
    ).run(s.name, s.area, coordinatorName, coordinatorEmail, s.defaultMarking, s.coordinatorPersonId, new Date().toISOString());
    recordAudit(db, 'partnership_settings', 1, 'update');
  })();
  return getSettings(db);
}
