import type { ErasureHook } from '../partners/erasure';

const SETTINGS = "SELECT 'Partnership settings' AS record, updated_at AS updatedAt FROM partnership_settings WHERE rowid = ?";

/** The coordinator named in the partnership settings may be the person erased. */
export const settingsErasureHook: ErasureHook = {
  area: 'settings',
  columns: [
    { table: 'partnership_settings', column: 'name', label: 'Partnership name', describe: SETTINGS },
    { table: 'partnership_settings', column: 'area', label: 'Area', describe: SETTINGS },
    { table: 'partnership_settings', column: 'coordinator_name', label: 'Coordinator', describe: SETTINGS },
    { table: 'partnership_settings', column: 'coordinator_email', label: 'Coordinator email', describe: SETTINGS },
  ],
};
