import type { Database } from 'better-sqlite3';
import type { PartnershipSettings } from '../../shared/settings';
import { recordAudit } from '../audit/repository';

export function getSettings(db: Database): PartnershipSettings {
  return db
    .prepare(
      `SELECT name, area, coordinator_name AS coordinatorName, coordinator_email AS coordinatorEmail,
              default_marking AS defaultMarking
         FROM partnership_settings WHERE id = 1`,
    )
    .get() as PartnershipSettings;
}

export function updateSettings(db: Database, s: PartnershipSettings): PartnershipSettings {
  db.transaction(() => {
    db.prepare(
      `UPDATE partnership_settings
          SET name = ?, area = ?, coordinator_name = ?, coordinator_email = ?, default_marking = ?, updated_at = ?
        WHERE id = 1`,
    ).run(s.name, s.area, s.coordinatorName, s.coordinatorEmail, s.defaultMarking, new Date().toISOString());
    recordAudit(db, 'partnership_settings', 1, 'update');
  })();
  return getSettings(db);
}
