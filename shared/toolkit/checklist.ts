/**
 * The partnership checklist: seventeen questions in five themes, written for Concordat from the
 * topics a partnership self-assessment covers (see the project's partnership toolkit facts).
 * Each question names the evidence items that the partnership's own records can answer.
 */
export const THEMES = [
  { key: 'function', label: 'Function' },
  { key: 'membership', label: 'Membership' },
  { key: 'governance', label: 'Governance' },
  { key: 'resourcing', label: 'Resourcing' },
  { key: 'strategy', label: 'Strategy and action planning' },
] as const;
export type ThemeKey = (typeof THEMES)[number]['key'];

export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];
export const ANSWER_LABELS: Record<Answer, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  not_applicable: 'Not applicable',
};

export const EVIDENCE_KEYS = [
  'sectors',
  'private-sector',
  'coordinator',
  'terms-of-reference',
  'meetings',
  'attendance',
  'isa',
  'share-log',
  'overdue-actions',
  'strategy-plan',
  'training',
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

export type Question = {
  number: number;
  key: string;
  theme: ThemeKey;
  text: string;
  /** What a good answer covers, in a line. */
  hint: string;
  evidence: readonly EvidenceKey[];
};

export const QUESTIONS: readonly Question[] = [
  {
    number: 1,
    key: 'purpose',
    theme: 'function',
    text: 'Have the members agreed what the partnership is for?',
    hint: 'For example: coordinating strategy across the area, coordinating casework, sharing information and resources, building a picture of local exploitation, or reaching the wider community.',
    evidence: [],
  },
  {
    number: 2,
    key: 'bodies-invited',
    theme: 'membership',
    text: 'Are the bodies a local response needs invited to take part?',
    hint: 'Police, the commissioner’s office, council services, health, fire, enforcement agencies, probation, charities, faith groups and business.',
    evidence: ['sectors'],
  },
  {
    number: 3,
    key: 'survivors',
    theme: 'membership',
    text: 'Do people with lived experience of exploitation help shape the partnership’s work?',
    hint: 'Through a survivor-led group, a charity that supports survivors, or paid consultation.',
    evidence: [],
  },
  {
    number: 4,
    key: 'private-sector',
    theme: 'membership',
    text: 'Are local employers and business bodies engaged?',
    hint: 'For example a chamber of commerce, large local employers, recruitment agencies.',
    evidence: ['private-sector'],
  },
  {
    number: 5,
    key: 'other-partnerships',
    theme: 'membership',
    text: 'Is the partnership linked to the other partnerships working on related harms?',
    hint: 'Community safety, serious and organised crime, the safeguarding hub, the strategic migration partnership.',
    evidence: [],
  },
  {
    number: 6,
    key: 'terms-of-reference',
    theme: 'governance',
    text: 'Do agreed terms of reference set out how the partnership works?',
    hint: 'Members’ say in them, how often you meet, how disagreements are settled, and when they are next reviewed.',
    evidence: ['terms-of-reference', 'meetings', 'attendance'],
  },
  {
    number: 7,
    key: 'coordination',
    theme: 'governance',
    text: 'Is it clear who coordinates the partnership?',
    hint: 'One member organisation, a funded post, or a rota shared between members.',
    evidence: ['coordinator'],
  },
  {
    number: 8,
    key: 'information-sharing',
    theme: 'governance',
    text: 'Do members share information under an agreement they have all signed?',
    hint: 'An information sharing agreement, signed for every member, and a record of each decision to share.',
    evidence: ['isa', 'share-log'],
  },
  {
    number: 9,
    key: 'statements',
    theme: 'governance',
    text: 'Do member organisations publish modern slavery statements where they should?',
    hint: 'Whether or not the law requires it of them, a statement shows what each member does in its own operations.',
    evidence: [],
  },
  {
    number: 10,
    key: 'procurement',
    theme: 'governance',
    text: 'Do members’ buying and commissioning policies address the risk of exploitation?',
    hint: 'Supplier checks, contract clauses, and training for buyers.',
    evidence: [],
  },
  {
    number: 11,
    key: 'funding',
    theme: 'resourcing',
    text: 'Does the partnership know where its money comes from, and for how long?',
    hint: 'Project grants, statutory funding such as from the commissioner’s office, pooled budgets, charitable funds.',
    evidence: [],
  },
  {
    number: 12,
    key: 'in-kind',
    theme: 'resourcing',
    text: 'Are members’ contributions in kind recognised and planned for?',
    hint: 'Staff time, meeting rooms, student placements, skills lent by charities and businesses.',
    evidence: ['training'],
  },
  {
    number: 13,
    key: 'strategy',
    theme: 'strategy',
    text: 'Is there a written strategy that the members have agreed?',
    hint: 'Priorities for the area, ideally arranged around Pursue, Prevent, Protect and Prepare.',
    evidence: ['strategy-plan'],
  },
  {
    number: 14,
    key: 'action-plan',
    theme: 'strategy',
    text: 'Is there an action plan with owners and dates, and is it kept up to date?',
    hint: 'Actions agreed at meetings, followed up until they are done.',
    evidence: ['strategy-plan', 'overdue-actions'],
  },
  {
    number: 15,
    key: 'awareness',
    theme: 'strategy',
    text: 'Does the partnership raise awareness among professionals and the public?',
    hint: 'Training for staff who may meet victims, campaigns, material for employers and communities.',
    evidence: ['training'],
  },
  {
    number: 16,
    key: 'victim-support',
    theme: 'strategy',
    text: 'Is there an agreed route to support for victims and survivors?',
    hint: 'Who makes referrals, what happens before and after a referral, and who provides accommodation and support.',
    evidence: [],
  },
  {
    number: 17,
    key: 'monitoring',
    theme: 'strategy',
    text: 'Does the partnership check whether its work is making a difference?',
    hint: 'Indicators agreed with members, an annual report, and a look back at this checklist.',
    evidence: ['strategy-plan'],
  },
];

export type RagStatus = 'green' | 'amber' | 'red' | 'not_tracked';
export const RAG_LABELS: Record<RagStatus, string> = {
  green: 'Green',
  amber: 'Amber',
  red: 'Red',
  not_tracked: 'Not tracked yet',
};
const RAG_RANK: Record<RagStatus, number> = { red: 0, amber: 1, green: 2, not_tracked: -1 };

/** Where to go to improve an item: start a draft, open a record or area, or read a resource. */
export type EvidenceLink =
  | { kind: 'template'; templateKey: string; label: string }
  | { kind: 'route'; route: string; label: string }
  | { kind: 'resource'; query: string; label: string };

export type EvidenceItem = {
  key: EvidenceKey;
  title: string;
  status: RagStatus;
  /** The reason in words, naming who or what is missing. */
  reason: string;
  /** Names behind the reason (unsigned members, missing sectors…), for the export and tests. */
  names: string[];
  links: EvidenceLink[];
};

export type AnswerEntry = { answer: Answer | null; notes: string; resourceIds: string[] };

// ---- comparing two assessments ----------------------------------------------------------------

export type Change = 'improved' | 'slipped' | 'same' | 'new';
export type Comparison = {
  evidence: { key: EvidenceKey; title: string; before: RagStatus | null; after: RagStatus; change: Change }[];
  answers: { number: number; before: Answer | null; after: Answer | null; change: Change }[];
};

const ANSWER_RANK: Record<Answer, number> = { no: 0, partly: 1, yes: 2, not_applicable: -1 };

function change(before: number | null, after: number): Change {
  if (before === null || before < 0 || after < 0) return before === null ? 'new' : 'same';
  return after > before ? 'improved' : after < before ? 'slipped' : 'same';
}

export function compareAssessments(
  previous: { evidence: EvidenceItem[]; answers: Record<string, AnswerEntry> } | null,
  current: { evidence: EvidenceItem[]; answers: Record<string, AnswerEntry> },
): Comparison {
  const evidence = current.evidence.map((e) => {
    const before = previous?.evidence.find((p) => p.key === e.key)?.status ?? null;
    return {
      key: e.key,
      title: e.title,
      before,
      after: e.status,
      change: change(before === null ? null : RAG_RANK[before], RAG_RANK[e.status]),
    };
  });
  const answers = QUESTIONS.map((q) => {
    const before = previous?.answers[q.key]?.answer ?? null;
    const after = current.answers[q.key]?.answer ?? null;
    return {
      number: q.number,
      before,
      after,
      change: after === null ? ('same' as const) : change(before === null ? null : ANSWER_RANK[before], ANSWER_RANK[after]),
    };
  });
  return { evidence, answers };
}

export const emptyAnswers = (): Record<string, AnswerEntry> =>
  Object.fromEntries(QUESTIONS.map((q) => [q.key, { answer: null, notes: '', resourceIds: [] }]));

// The facts the rules read, and the rules themselves.
export * from './checklist-evidence';
