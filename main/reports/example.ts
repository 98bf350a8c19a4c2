import type { Database } from 'better-sqlite3';
import { EXAMPLE_MEMBERSHIP, EXAMPLE_RETURNS } from '../../shared/examples/example-report';
import { addDaysToDate, londonToday } from '../../shared/meetings/time';
import { organisationIdByName } from '../partners/directory-api';
import { backdateMembership } from '../partners/membership';
import { getReturn, saveReturn } from './returns';

/**
 * The example partnership's membership history and partner agency returns (shared/examples/
 * example-report.ts). Membership is backdated only for organisations the example has just added;
 * a return is added only where none was started. Returns how many records changed.
 */
export function loadExampleReport(db: Database, now = new Date()): number {
  const today = londonToday(now);
  const year = Number(today.slice(0, 4));
  // A return's dates stay inside its year, even early in January.
  const inYear = (daysAgo: number) => {
    const d = addDaysToDate(today, -daysAgo);
    return d < `${year}-01-01` ? `${year}-01-01` : d;
  };
  let added = 0;
  const byOrg = new Map<string, typeof EXAMPLE_MEMBERSHIP>();
  for (const e of EXAMPLE_MEMBERSHIP) byOrg.set(e.organisation, [...(byOrg.get(e.organisation) ?? []), e]);
  for (const [name, events] of byOrg) {
    const id = organisationIdByName(db, name);
    if (id === null) continue;
    const dated = events.map((e) => ({
      effectiveOn: addDaysToDate(today, -e.daysAgo),
      kind: e.kind,
      membership: e.membership,
      previousMembership: e.previous,
    }));
    if (backdateMembership(db, id, dated)) added++;
  }
  for (const r of EXAMPLE_RETURNS) {
    const id = organisationIdByName(db, r.organisation);
    if (id === null) continue;
    const existing = getReturn(db, id, year);
    if (existing.uid !== null) continue;
    const { organisation: _name, requestedDaysAgo, returnedDaysAgo, ...answers } = r;
    saveReturn(db, {
      ...answers,
      organisationId: id,
      year,
      version: 0,
      requestedOn: inYear(requestedDaysAgo),
      returnedOn: returnedDaysAgo === null ? null : inYear(returnedDaysAgo),
    });
    added++;
  }
  return added;
}
