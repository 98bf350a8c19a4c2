import type { ErasureHook } from '../partners/erasure';

const REQUEST = `SELECT 'Request received ' || received_on AS record, created_at AS createdAt, updated_at AS updatedAt
  FROM privacy_requests WHERE rowid = ?`;

/**
 * The request log keeps who a request was about as written. After an erasure the entry stays (the
 * request and its dates are the record that it was handled), with the person's details replaced.
 * person_uid stays: it is random, names nobody, and matches the erasure ledger's entry.
 */
export const privacyErasureHook: ErasureHook = {
  area: 'privacy',
  columns: [
    { table: 'privacy_requests', column: 'subject', label: 'Request about', describe: REQUEST },
    { table: 'privacy_requests', column: 'note', label: 'Request note', describe: REQUEST },
  ],
};
