import type { Database } from 'better-sqlite3';
import { londonToday, twelveMonthsBefore } from '../../shared/meetings/time';
import { CHECKLIST_SECTORS } from '../../shared/partners/sectors';
import type { EvidenceFacts, EvidenceItem, MemberFact } from '../../shared/toolkit/checklist';
import { computeEvidence } from '../../shared/toolkit/checklist';
import { listDocuments } from '../documents/repository';
import { signatoryMatrix } from '../documents/service';
import { listActions, listMeetings, listShareDecisions, organisationAttendance } from '../meetings/repository';
import { currentMembers } from '../partners/organisations';
import { getSettings } from '../settings/repository';
import { planFacts } from '../plans/facts';
import { trainedOrganisationIds } from './training';

const sectorGroup = (sector: string): string | null =>
  CHECKLIST_SECTORS.find((c) => (c.sectors as readonly string[]).includes(sector))?.key ?? null;

/**
 * Gather what the checklist's rules read, each area through its own repository functions (partners,
 * documents, meetings), never by new SQL against their tables.
 */
export function gatherFacts(db: Database, now: Date): EvidenceFacts {
  const today = londonToday(now);
  const yearAgo = twelveMonthsBefore(now);
  const rows = currentMembers(db);
  const members: MemberFact[] = rows.map((o) => ({
    id: o.id,
    name: o.name,
    sector: o.sector,
    sectorGroup: sectorGroup(o.sector),
  }));
  const documents = ['terms-of-reference', 'information-sharing-agreement']
    .flatMap((templateKey) => listDocuments(db, { templateKey }))
    .map((d) => ({
      id: d.id,
      title: d.title,
      templateKey: d.templateKey,
      status: d.status,
      versionLabel: d.versionLabel,
      reviewDate: d.reviewDate,
    }));
  const matrix = signatoryMatrix(db);
  const isaSigned = documents
    .filter((d) => d.templateKey === 'information-sharing-agreement' && d.status === 'agreed')
    .map((d) => {
      const column = matrix.documents.findIndex((m) => m.id === d.id);
      return {
        documentId: d.id,
        signedOrganisationIds:
          column < 0 ? [] : matrix.organisations.filter((o) => o.cells[column] === 'signed').map((o) => o.id),
      };
    });
  const meetingsHeld = listMeetings(db, { when: 'past', limit: 1000 }, now)
    .filter((m) => m.status !== 'cancelled' && m.startsAt.slice(0, 10) >= yearAgo)
    .map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt }));
  const open = listActions(
    db,
    {
      overdueOnly: false,
      organisationId: null,
      ownerPersonId: null,
      groupId: null,
      meetingId: null,
      statuses: ['open', 'in_progress'],
      search: '',
      limit: 1,
      offset: 0,
    },
    now,
  );
  const shares = listShareDecisions(db);
  return {
    today,
    yearAgo,
    coordinatorName: getSettings(db).coordinatorName,
    // The same grouping as the partners area's coverage view, over the members read once above.
    coverage: CHECKLIST_SECTORS.map((c) => ({
      key: c.key,
      label: c.label,
      members: rows.filter((m) => (c.sectors as readonly string[]).includes(m.sector)).map(({ id, name }) => ({ id, name })),
    })),
    members,
    documents,
    isaSigned,
    meetingsHeld,
    attendance: organisationAttendance(db, now),
    actions: { open: open.total, overdue: open.overdue },
    shareDecisions: { total: shares.length, lastTwelveMonths: shares.filter((s) => s.sharedOn >= yearAgo).length },
    training: { trainedOrganisationIds: trainedOrganisationIds(db, now) },
    plans: planFacts(db, now, yearAgo),
  };
}

export function currentEvidence(db: Database, now: Date): EvidenceItem[] {
  return computeEvidence(gatherFacts(db, now));
}
