import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../../shared/ids';
import type { AgencyReturn, ReturnFieldKey } from '../../shared/reports/types';
import { RETURN_FIELDS, returnStatus, yearBounds } from '../../shared/reports/types';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { organisationNames } from '../partners/directory-api';
import { membershipOn, organisationSectors, organisationsForReturns } from '../partners/membership';

/*
 * Partner agency returns: one per organisation per year. The list for a year is every organisation
 * that is a member at the year's end, plus any other organisation whose return was already started.
 */

type Row = Record<ReturnFieldKey, string> & {
  id: number;
  uid: string;
  version: number;
  organisation_id: number;
  year: number;
  requested_on: string | null;
  returned_on: string | null;
};

const byName = new Intl.Collator('en-GB', { sensitivity: 'base' });

const rowsForYear = (db: Database, year: number): Row[] =>
  db.prepare('SELECT * FROM agency_returns WHERE year = ? AND deleted_at IS NULL').all(year) as Row[];

const blankFields = (): Record<ReturnFieldKey, string> =>
  Object.fromEntries(RETURN_FIELDS.map((f) => [f.key, ''])) as Record<ReturnFieldKey, string>;

export function listReturns(db: Database, year: number): AgencyReturn[] {
  const rows = new Map(rowsForYear(db, year).map((r) => [r.organisation_id, r]));
  const ids = new Set([...membershipOn(db, yearBounds(year).to).map((m) => m.organisationId), ...rows.keys()]);
  const out: AgencyReturn[] = [];
  // organisationsForReturns is in name order already, so the list needs no sorting here.
  for (const org of organisationsForReturns(db)) {
    if (!ids.has(org.id)) continue;
    const r = rows.get(org.id);
    const fields = blankFields();
    if (r) for (const f of RETURN_FIELDS) fields[f.key] = r[f.key];
    out.push({
      ...fields,
      organisationId: org.id,
      organisationName: org.name,
      sector: org.sector,
      year,
      uid: r?.uid ?? null,
      version: r?.version ?? 0,
      requestedOn: r?.requested_on ?? null,
      returnedOn: r?.returned_on ?? null,
      status: returnStatus(r?.requested_on ?? null, r?.returned_on ?? null),
    });
  }
  return out;
}

export function getReturn(db: Database, organisationId: number, year: number): AgencyReturn {
  const found = listReturns(db, year).find((r) => r.organisationId === organisationId);
  if (!found) throw new AppError('not_found', 'That organisation is not in the directory.');
  return found;
}

/** How many returns were asked for, came back or are outstanding: from the year's rows alone. */
export function returnCounts(db: Database, year: number): { requested: number; returned: number; outstanding: number } {
  const rows = rowsForYear(db, year);
  return {
    requested: rows.filter((r) => r.requested_on !== null || r.returned_on !== null).length,
    returned: rows.filter((r) => r.returned_on !== null).length,
    outstanding: rows.filter((r) => r.returned_on === null && r.requested_on !== null).length,
  };
}

/** The returns that came back this year, in organisation name order (for the report). */
export function returnedReturns(db: Database, year: number): AgencyReturn[] {
  const rows = rowsForYear(db, year).filter((r) => r.returned_on !== null);
  const ids = rows.map((r) => r.organisation_id);
  const names = organisationNames(db, ids);
  const sectors = organisationSectors(db, ids);
  return rows
    .map((r): AgencyReturn => {
      const fields = blankFields();
      for (const f of RETURN_FIELDS) fields[f.key] = r[f.key];
      return {
        ...fields,
        organisationId: r.organisation_id,
        organisationName: names.get(r.organisation_id) ?? '',
        sector: sectors.get(r.organisation_id) ?? 'other',
        year,
        uid: r.uid,
        version: r.version,
        requestedOn: r.requested_on,
        returnedOn: r.returned_on,
        status: returnStatus(r.requested_on, r.returned_on),
      };
    })
    .sort((a, b) => byName.compare(a.organisationName, b.organisationName));
}

function ensureRow(db: Database, organisationId: number, year: number): Row {
  const existing = db.prepare('SELECT * FROM agency_returns WHERE organisation_id = ? AND year = ?').get(organisationId, year) as
    (Row & { deleted_at: string | null }) | undefined;
  if (existing) return existing;
  if (!organisationsForReturns(db).some((o) => o.id === organisationId))
    throw new AppError('not_found', 'That organisation is not in the directory.');
  const t = new Date().toISOString();
  db.prepare('INSERT INTO agency_returns (uid, organisation_id, year, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
    uuidv7(),
    organisationId,
    year,
    t,
    t,
  );
  recordAudit(db, 'agency_return', `${organisationId}:${year}`, 'create');
  return db.prepare('SELECT * FROM agency_returns WHERE organisation_id = ? AND year = ?').get(organisationId, year) as Row;
}

/** Note that a return was asked for (on exporting its form, or by hand); an earlier date is kept. */
export function markRequested(db: Database, organisationId: number, year: number, on: string): AgencyReturn {
  db.transaction(() => {
    const row = ensureRow(db, organisationId, year);
    if (row.requested_on !== null) return;
    db.prepare('UPDATE agency_returns SET requested_on = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(
      on,
      new Date().toISOString(),
      row.id,
    );
  })();
  return getReturn(db, organisationId, year);
}

export type ReturnInput = Record<ReturnFieldKey, string> & {
  organisationId: number;
  year: number;
  /** The version the edit is based on (0 when no return was started). */
  version: number;
  requestedOn: string | null;
  returnedOn: string | null;
};

export function saveReturn(db: Database, v: ReturnInput): AgencyReturn {
  db.transaction(() => {
    const row = ensureRow(db, v.organisationId, v.year);
    const current = row.version;
    // A row made just now by ensureRow is version 1 and the caller sent 0: that is the same record.
    if (!(v.version === current || (v.version === 0 && current === 1 && row.requested_on === null && row.returned_on === null)))
      throw new AppError(
        'stale',
        'This return was changed elsewhere after you opened it, so your save was refused rather than overwrite that change. Reload to see the latest version, then make your edit again.',
        [`You edited version ${v.version}; the saved version is now ${current}.`],
      );
    db.prepare(
      `UPDATE agency_returns SET pursue = ?, prevent = ?, protect = ?, prepare = ?, highlights = ?, challenges = ?,
              requested_on = ?, returned_on = ?, deleted_at = NULL, updated_at = ?, version = version + 1 WHERE id = ?`,
    ).run(
      v.pursue,
      v.prevent,
      v.protect,
      v.prepare,
      v.highlights,
      v.challenges,
      v.requestedOn,
      v.returnedOn,
      new Date().toISOString(),
      row.id,
    );
    recordAudit(db, 'agency_return', row.uid, 'update');
  })();
  return getReturn(db, v.organisationId, v.year);
}
