import type { ProtectiveMarking } from '../markings';
import type { IndicatorReport } from '../plans/indicators';

/** The annual report's records and figures, shared by main (which computes them) and the screens. */

export type MembershipOnDate = { organisationId: number; name: string; sector: string; membership: string };

export type MembershipChangeKind = 'joined' | 'left' | 'tier_changed';
export type MembershipChange = {
  organisationId: number;
  name: string;
  sector: string;
  kind: MembershipChangeKind;
  effectiveOn: string;
  membership: string;
  previousMembership: string | null;
};

/** A figure for the year and the same figure for the year before. */
export type Compared = { value: number; previous: number };

export type SectorCount = { sector: string; label: string; value: number; previous: number };

/** An indicator against its target, as the plans area reports it. */
export type ReportIndicator = IndicatorReport;

export type AnnualFigures = {
  year: number;
  /** The first and last dates of the year (YYYY-MM-DD). */
  from: string;
  to: string;
  membership: {
    atStart: number;
    atEnd: Compared;
    joined: Compared;
    left: Compared;
    /** Members at the end of the year by sector; previous = at the end of the year before. */
    bySector: SectorCount[];
    changes: MembershipChange[];
  };
  meetings: {
    held: Compared;
    /** People present (attended or sent as a deputy), counted once per meeting. */
    attendances: Compared;
    organisationsRepresented: Compared;
    bySector: SectorCount[];
  };
  actions: { raised: Compared; completed: Compared; overdueAtYearEnd: Compared };
  documents: {
    agreed: Compared;
    reviewed: Compared;
    titles: { title: string; marking: ProtectiveMarking; agreedOn: string; reviewed: boolean }[];
  };
  sharing: { decisions: Compared; consentSought: Compared };
  training: { sessions: Compared; peopleTrained: Compared; byCourse: { title: string; sessions: number; people: number }[] };
  indicators: ReportIndicator[];
  returns: { requested: number; returned: number; outstanding: number };
};

export const REPORT_SECTIONS = [
  { key: 'progress', label: 'Progress', hint: 'What the partnership achieved this year.' },
  { key: 'problems', label: 'Problems', hint: 'What got in the way, and what was learned.' },
  { key: 'priorities', label: 'Priorities', hint: 'What the partnership will focus on next year.' },
  { key: 'pointsForAction', label: 'Points for action', hint: 'What members and the board are asked to do.' },
] as const;
export type ReportSectionKey = (typeof REPORT_SECTIONS)[number]['key'];
export type ReportSections = Record<ReportSectionKey, string>;

export type AnnualReport = ReportSections & { uid: string; year: number; version: number; updatedAt: string };
export type AnnualReportSummary = { year: number; version: number; updatedAt: string; written: number };

export const RETURN_FIELDS = [
  { key: 'pursue', label: 'Pursue', hint: 'Work to disrupt and bring offenders to justice.' },
  { key: 'prevent', label: 'Prevent', hint: 'Work to stop people becoming involved or exploited: awareness, training.' },
  { key: 'protect', label: 'Protect', hint: 'Work to support victims and survivors and safeguard those at risk.' },
  { key: 'prepare', label: 'Prepare', hint: 'Work to improve the response: procedures, data, joint working.' },
  { key: 'highlights', label: 'Highlights', hint: 'What went well this year.' },
  { key: 'challenges', label: 'Challenges', hint: 'What was hard, and what would help.' },
] as const;
export type ReturnFieldKey = (typeof RETURN_FIELDS)[number]['key'];

export type AgencyReturnStatus = 'not_requested' | 'outstanding' | 'returned';
export type AgencyReturn = Record<ReturnFieldKey, string> & {
  organisationId: number;
  organisationName: string;
  sector: string;
  year: number;
  /** null while no return has been started for the organisation this year. */
  uid: string | null;
  version: number;
  requestedOn: string | null;
  returnedOn: string | null;
  status: AgencyReturnStatus;
};

export const returnStatus = (requestedOn: string | null, returnedOn: string | null): AgencyReturnStatus =>
  returnedOn ? 'returned' : requestedOn ? 'outstanding' : 'not_requested';

export const RETURN_STATUS_LABELS: Record<AgencyReturnStatus, string> = {
  not_requested: 'Not requested',
  outstanding: 'Outstanding',
  returned: 'Returned',
};

export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
