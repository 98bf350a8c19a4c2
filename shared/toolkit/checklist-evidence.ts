import { longDate } from '../documents/placeholders';
import type { EvidenceItem, EvidenceLink, RagStatus } from './checklist';

/*
 * The checklist's evidence rules: each reads facts the main process gathers from the areas'
 * repositories and gives a red, amber or green item with its reason. Pure functions of the facts.
 * Importers take them from ./checklist, which re-exports this module.
 */

// ---- facts the rules read (gathered in main from each area's repository) ----------------------

export type MemberFact = { id: number; name: string; sector: string; sectorGroup: string | null };
export type DocumentFact = {
  id: number;
  title: string;
  templateKey: string;
  status: string;
  versionLabel: string;
  reviewDate: string | null;
};
export type EvidenceFacts = {
  /** London date, YYYY-MM-DD. */
  today: string;
  /** Twelve months before today, YYYY-MM-DD. */
  yearAgo: string;
  coordinatorName: string;
  /** The checklist's recommended sectors with the current core and associate members in each. */
  coverage: { key: string; label: string; members: { id: number; name: string }[] }[];
  /** Current core and associate member organisations. */
  members: MemberFact[];
  documents: DocumentFact[];
  /** For each agreed ISA, the organisations recorded as having signed it. */
  isaSigned: { documentId: number; signedOrganisationIds: number[] }[];
  /** Meetings (not cancelled) that started in the last twelve months and have started already. */
  meetingsHeld: { id: number; title: string; startsAt: string }[];
  /** Attendance per organisation over the last twelve months. */
  attendance: { organisationId: number; organisationName: string; meetings: number; present: number }[];
  actions: { open: number; overdue: number };
  shareDecisions: { total: number; lastTwelveMonths: number };
  /** Null while training records are not kept; otherwise members with someone trained in the window. */
  training: { trainedOrganisationIds: number[] } | null;
  /** The plans held in Concordat (Plans area); absent where facts predate it. */
  plans?: PlanFact[];
};

export type PlanFact = {
  id: number;
  title: string;
  status: 'draft' | 'agreed';
  startsOn: string;
  endsOn: string;
  objectives: number;
  /** Objectives with at least one action linked from the action log. */
  objectivesWithActions: number;
  indicators: number;
  /** Indicators with a reading for a period ending in the last twelve months. */
  indicatorsWithRecentReadings: number;
};

// ---- the rules --------------------------------------------------------------------------------

/** "A", "A and B", "A, B and C". */
export function listText(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The bodies without which a local response cannot work; missing one of these is red. */
export const ESSENTIAL_SECTORS = ['police', 'local-authority', 'nhs'] as const;

export function sectorsEvidence(f: EvidenceFacts): EvidenceItem {
  const missing = f.coverage.filter((c) => c.members.length === 0);
  const present = f.coverage.length - missing.length;
  const essentialMissing = missing.some((m) => (ESSENTIAL_SECTORS as readonly string[]).includes(m.key));
  const status: RagStatus = missing.length === 0 ? 'green' : essentialMissing ? 'red' : 'amber';
  const names = missing.map((m) => m.label);
  const reason =
    missing.length === 0
      ? `All ${f.coverage.length} recommended sectors have at least one current member.`
      : `${present} of ${f.coverage.length} recommended sectors have a current member. Missing: ${listText(names)}.`;
  return {
    key: 'sectors',
    title: 'Sectors at the table',
    status,
    reason,
    names,
    links: [{ kind: 'route', route: '/partners/coverage', label: 'Open sector coverage' }],
  };
}

export function privateSectorEvidence(f: EvidenceFacts): EvidenceItem {
  const business = f.coverage.find((c) => c.key === 'business');
  const members = business?.members ?? [];
  return {
    key: 'private-sector',
    title: 'Business members',
    status: members.length > 0 ? 'green' : 'amber',
    reason:
      members.length > 0
        ? `${plural(members.length, 'business member')}: ${listText(members.map((m) => m.name))}.`
        : 'No business association, employer or recruitment agency is a current member.',
    names: members.map((m) => m.name),
    links: [
      { kind: 'route', route: '/partners/organisations/new', label: 'Add an organisation' },
      { kind: 'resource', query: 'business', label: 'Find resources on business and supply chains' },
    ],
  };
}

export function coordinatorEvidence(f: EvidenceFacts): EvidenceItem {
  const name = f.coordinatorName.trim();
  return {
    key: 'coordinator',
    title: 'Coordinator named',
    status: name ? 'green' : 'amber',
    reason: name ? `${name} is named as the coordinator in Settings.` : 'No coordinator is named in Settings.',
    names: name ? [name] : [],
    links: [{ kind: 'route', route: '/settings', label: 'Open Settings' }],
  };
}

const byNewest = (a: DocumentFact, b: DocumentFact) => b.id - a.id;

export function termsOfReferenceEvidence(f: EvidenceFacts): EvidenceItem {
  const tors = f.documents.filter((d) => d.templateKey === 'terms-of-reference' && d.status !== 'withdrawn');
  const agreed = tors.filter((d) => d.status === 'agreed').sort(byNewest)[0];
  const draft = tors.filter((d) => d.status === 'draft' || d.status === 'in_review').sort(byNewest)[0];
  const start = { kind: 'template', templateKey: 'terms-of-reference', label: 'Start terms of reference' } as const;
  const base = { key: 'terms-of-reference' as const, title: 'Terms of reference agreed and in date' };
  if (agreed) {
    const open = { kind: 'route', route: `/documents/${agreed.id}`, label: `Open ${agreed.title}` } as const;
    if (!agreed.reviewDate)
      return {
        ...base,
        status: 'amber',
        reason: `${agreed.title} (version ${agreed.versionLabel}) is agreed but has no review date.`,
        names: [agreed.title],
        links: [open],
      };
    if (agreed.reviewDate < f.today)
      return {
        ...base,
        status: 'amber',
        reason: `${agreed.title} (version ${agreed.versionLabel}) is agreed, but its review was due on ${longDate(agreed.reviewDate)}.`,
        names: [agreed.title],
        links: [open],
      };
    return {
      ...base,
      status: 'green',
      reason: `${agreed.title} (version ${agreed.versionLabel}) is agreed; next review ${longDate(agreed.reviewDate)}.`,
      names: [agreed.title],
      links: [open],
    };
  }
  if (draft)
    return {
      ...base,
      status: 'amber',
      reason: `${draft.title} is a draft and has not been agreed yet.`,
      names: [draft.title],
      links: [{ kind: 'route', route: `/documents/${draft.id}`, label: `Open ${draft.title}` }],
    };
  return { ...base, status: 'red', reason: 'There are no terms of reference in Documents.', names: [], links: [start] };
}

export function isaEvidence(f: EvidenceFacts): EvidenceItem {
  const base = { key: 'isa' as const, title: 'Information sharing agreement signed by every member' };
  const isas = f.documents.filter((d) => d.templateKey === 'information-sharing-agreement');
  const agreed = isas.filter((d) => d.status === 'agreed').sort(byNewest)[0];
  if (!agreed) {
    const draft = isas.filter((d) => d.status === 'draft' || d.status === 'in_review').sort(byNewest)[0];
    return {
      ...base,
      status: 'red',
      reason: draft
        ? `${draft.title} is a draft; no information sharing agreement has been agreed.`
        : 'There is no information sharing agreement in Documents.',
      names: [],
      links: draft
        ? [{ kind: 'route', route: `/documents/${draft.id}`, label: `Open ${draft.title}` }]
        : [{ kind: 'template', templateKey: 'information-sharing-agreement', label: 'Start an information sharing agreement' }],
    };
  }
  const signed = new Set(f.isaSigned.find((s) => s.documentId === agreed.id)?.signedOrganisationIds ?? []);
  const unsigned = f.members.filter((m) => !signed.has(m.id)).map((m) => m.name);
  const links: EvidenceLink[] = [
    { kind: 'route', route: `/documents/${agreed.id}`, label: `Open ${agreed.title}` },
    { kind: 'route', route: '/documents/matrix', label: 'Open the signatory matrix' },
  ];
  if (f.members.length === 0)
    return {
      ...base,
      status: 'amber',
      reason: `${agreed.title} is agreed, but there are no current members to sign it.`,
      names: [],
      links,
    };
  if (unsigned.length === 0)
    return {
      ...base,
      status: 'green',
      reason: `All ${f.members.length} members have signed ${agreed.title}.`,
      names: [],
      links,
    };
  return {
    ...base,
    status: unsigned.length * 2 > f.members.length ? 'red' : 'amber',
    reason: `${unsigned.length} of ${f.members.length} members have not signed ${agreed.title}: ${listText(unsigned)}.`,
    names: unsigned,
    links,
  };
}

/** Quarterly is the usual rhythm for a partnership board. */
export const MEETINGS_EXPECTED_A_YEAR = 4;

export function meetingsEvidence(f: EvidenceFacts): EvidenceItem {
  const n = f.meetingsHeld.length;
  const status: RagStatus = n >= MEETINGS_EXPECTED_A_YEAR ? 'green' : n > 0 ? 'amber' : 'red';
  const last = [...f.meetingsHeld].sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
  const reason =
    n === 0
      ? 'No meetings have been held in the last 12 months.'
      : `${plural(n, 'meeting')} in the last 12 months (quarterly would be ${MEETINGS_EXPECTED_A_YEAR}); the latest was ${last!.title} on ${longDate(last!.startsAt.slice(0, 10))}.`;
  return {
    key: 'meetings',
    title: 'Meetings in the last 12 months',
    status,
    reason,
    names: f.meetingsHeld.map((m) => m.title),
    links: [{ kind: 'route', route: '/meetings/new', label: 'Arrange a meeting' }],
  };
}

/** Below this share of meetings attended, a member is named as rarely present. */
export const LOW_ATTENDANCE = 0.5;

export function attendanceEvidence(f: EvidenceFacts): EvidenceItem {
  const base = {
    key: 'attendance' as const,
    title: 'Attendance by sector',
    links: [{ kind: 'route', route: '/meetings', label: 'Open meetings' }] as EvidenceLink[],
  };
  const byOrg = new Map(f.attendance.map((a) => [a.organisationId, a]));
  const counted = f.members.filter((m) => (byOrg.get(m.id)?.meetings ?? 0) > 0);
  if (counted.length === 0)
    return { ...base, status: 'amber', reason: 'No attendance has been recorded for members in the last 12 months.', names: [] };
  const sectors = new Map<string, { meetings: number; present: number }>();
  for (const m of counted) {
    const a = byOrg.get(m.id)!;
    const label = f.coverage.find((c) => c.key === m.sectorGroup)?.label ?? 'Other';
    const s = sectors.get(label) ?? { meetings: 0, present: 0 };
    s.meetings += a.meetings;
    s.present += a.present;
    sectors.set(label, s);
  }
  const rates = [...sectors.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([label, s]) => `${label.split(' (')[0]} ${Math.round((100 * s.present) / s.meetings)}%`);
  const low = counted.filter((m) => {
    const a = byOrg.get(m.id)!;
    return a.present / a.meetings < LOW_ATTENDANCE;
  });
  const never = f.members.filter((m) => (byOrg.get(m.id)?.meetings ?? 0) === 0);
  const lowNames = low.map((m) => `${m.name} (${byOrg.get(m.id)!.present} of ${byOrg.get(m.id)!.meetings})`);
  const parts = [`Share of meetings attended in the last 12 months: ${rates.join(', ')}.`];
  if (low.length > 0) parts.push(`Rarely present: ${listText(lowNames)}.`);
  if (never.length > 0) parts.push(`No attendance recorded for ${listText(never.map((m) => m.name))}.`);
  return {
    ...base,
    status: low.length === 0 && never.length === 0 ? 'green' : low.length * 2 > counted.length ? 'red' : 'amber',
    reason: parts.join(' '),
    names: [...low.map((m) => m.name), ...never.map((m) => m.name)],
  };
}

export function overdueActionsEvidence(f: EvidenceFacts): EvidenceItem {
  const { open, overdue } = f.actions;
  const base = {
    key: 'overdue-actions' as const,
    title: 'Overdue actions',
    names: [],
    links: [{ kind: 'route', route: '/meetings/actions', label: 'Open the action log' }] as EvidenceLink[],
  };
  if (open === 0) return { ...base, status: 'amber', reason: 'There are no open actions in the action log.' };
  const share = overdue / open;
  return {
    ...base,
    status: overdue === 0 ? 'green' : share <= 0.25 ? 'amber' : 'red',
    reason:
      overdue === 0
        ? `None of the ${plural(open, 'open action')} is overdue.`
        : `${overdue} of ${plural(open, 'open action')} ${overdue === 1 ? 'is' : 'are'} overdue (${Math.round(share * 100)}%).`,
  };
}

export function shareLogEvidence(f: EvidenceFacts): EvidenceItem {
  const { total, lastTwelveMonths } = f.shareDecisions;
  return {
    key: 'share-log',
    title: 'Decision-to-share log in use',
    status: lastTwelveMonths > 0 ? 'green' : 'amber',
    reason:
      lastTwelveMonths > 0
        ? `${plural(lastTwelveMonths, 'decision')} to share recorded in the last 12 months.`
        : total > 0
          ? `${plural(total, 'decision')} to share recorded, none in the last 12 months.`
          : 'No decisions to share have been recorded.',
    names: [],
    links: [{ kind: 'route', route: '/meetings/sharing', label: 'Open the decision-to-share log' }],
  };
}

/**
 * Strategy, action plan and monitoring, read from the Plans area: an agreed plan covering today,
 * objectives with activities from the action log, and indicators with recent readings.
 */
export function strategyPlanEvidence(f?: Pick<EvidenceFacts, 'plans' | 'today'>): EvidenceItem {
  const base = { key: 'strategy-plan' as const, title: 'Strategy and action plan', names: [] as string[] };
  if (!f || f.plans === undefined) {
    return {
      ...base,
      status: 'not_tracked',
      reason: 'Not tracked yet: Concordat does not hold strategies or plans yet, so answer this from your own records.',
      links: [{ kind: 'resource', query: 'strategy', label: 'Find example strategies' }],
    };
  }
  const current = f.plans.filter((p) => p.startsOn <= f.today && p.endsOn >= f.today);
  const plan = current.find((p) => p.status === 'agreed') ?? current[0] ?? null;
  if (!plan) {
    return {
      ...base,
      status: 'red',
      reason:
        f.plans.length > 0
          ? 'No plan in Concordat covers today: the last one has ended or the next has not started.'
          : 'No strategy or action plan is recorded in Concordat.',
      links: [
        { kind: 'route', route: '/plans', label: 'Open Plans' },
        { kind: 'resource', query: 'strategy', label: 'Find example strategies' },
      ],
    };
  }
  const gaps: string[] = [];
  if (plan.status !== 'agreed') gaps.push('it is still a draft, not agreed by the members');
  if (plan.objectives === 0) gaps.push('it has no objectives yet');
  else if (plan.objectivesWithActions < plan.objectives) {
    const without = plan.objectives - plan.objectivesWithActions;
    gaps.push(`${plural(without, 'objective')} ${without === 1 ? 'has' : 'have'} no activities from the action log`);
  }
  if (plan.indicators === 0) gaps.push('it has no indicators to show whether the response is improving');
  else if (plan.indicatorsWithRecentReadings < plan.indicators) {
    const stale = plan.indicators - plan.indicatorsWithRecentReadings;
    gaps.push(`${plural(stale, 'indicator')} ${stale === 1 ? 'has' : 'have'} no reading in the last 12 months`);
  }
  const summary = `${plan.title}: ${plural(plan.objectives, 'objective')}, ${plan.objectivesWithActions} with activities; ${plural(plan.indicators, 'indicator')}, ${plan.indicatorsWithRecentReadings} with a recent reading.`;
  return {
    ...base,
    status: gaps.length === 0 ? 'green' : 'amber',
    reason: gaps.length === 0 ? `${summary} Agreed and in use.` : `${summary} Still to do: ${listText(gaps)}.`,
    links: [{ kind: 'route', route: `/plans/${plan.id}`, label: `Open ${plan.title}` }],
  };
}

export function trainingEvidence(f: EvidenceFacts): EvidenceItem {
  const base = {
    key: 'training' as const,
    title: 'Training coverage',
    links: [{ kind: 'route', route: '/toolkit/training', label: 'Open training records' }] as EvidenceLink[],
  };
  if (f.training === null)
    return { ...base, status: 'not_tracked', reason: 'Not tracked yet: no training records are kept.', names: [] };
  const trained = new Set(f.training.trainedOrganisationIds);
  const untrained = f.members.filter((m) => !trained.has(m.id)).map((m) => m.name);
  if (f.members.length === 0) return { ...base, status: 'amber', reason: 'There are no current members.', names: [] };
  const covered = f.members.length - untrained.length;
  return {
    ...base,
    status: untrained.length === 0 ? 'green' : covered === 0 ? 'red' : 'amber',
    reason:
      untrained.length === 0
        ? `Every member (${f.members.length}) has someone trained in the last three years.`
        : `${covered} of ${f.members.length} members have someone trained in the last three years. None recorded for ${listText(untrained)}.`,
    names: untrained,
  };
}

/** Every evidence item, in checklist order. A pure function of the facts. */
export function computeEvidence(f: EvidenceFacts): EvidenceItem[] {
  return [
    sectorsEvidence(f),
    privateSectorEvidence(f),
    termsOfReferenceEvidence(f),
    meetingsEvidence(f),
    attendanceEvidence(f),
    coordinatorEvidence(f),
    isaEvidence(f),
    shareLogEvidence(f),
    strategyPlanEvidence(f),
    overdueActionsEvidence(f),
    trainingEvidence(f),
  ];
}
