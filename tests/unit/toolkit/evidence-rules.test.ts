import { describe, expect, it } from 'vitest';
import { CHECKLIST_SECTORS } from '../../../shared/partners/sectors';
import type { EvidenceFacts } from '../../../shared/toolkit/checklist';
import {
  QUESTIONS,
  THEMES,
  attendanceEvidence,
  compareAssessments,
  computeEvidence,
  coordinatorEvidence,
  emptyAnswers,
  isaEvidence,
  listText,
  meetingsEvidence,
  overdueActionsEvidence,
  privateSectorEvidence,
  sectorsEvidence,
  shareLogEvidence,
  strategyPlanEvidence,
  termsOfReferenceEvidence,
  trainingEvidence,
} from '../../../shared/toolkit/checklist';

const members = [
  { id: 1, name: 'Northshire Police', sector: 'police', sectorGroup: 'police' },
  { id: 2, name: 'Northshire County Council', sector: 'la-community-safety', sectorGroup: 'local-authority' },
  { id: 3, name: 'NHS Northshire', sector: 'nhs', sectorGroup: 'nhs' },
  { id: 4, name: 'Northshire Fire', sector: 'fire', sectorGroup: 'fire' },
];

/** Every recommended sector covered, an agreed ISA everyone signed, quarterly meetings, no overdue work. */
function facts(over: Partial<EvidenceFacts> = {}): EvidenceFacts {
  return {
    today: '2026-12-01',
    yearAgo: '2025-12-01',
    coordinatorName: 'Aisha Khan',
    coverage: CHECKLIST_SECTORS.map((c, i) => ({ key: c.key, label: c.label, members: [{ id: 100 + i, name: `Member ${i}` }] })),
    members,
    documents: [
      {
        id: 10,
        title: 'Terms of reference',
        templateKey: 'terms-of-reference',
        status: 'agreed',
        versionLabel: '1.0',
        reviewDate: '2027-06-01',
      },
      {
        id: 11,
        title: 'Northshire ISA',
        templateKey: 'information-sharing-agreement',
        status: 'agreed',
        versionLabel: '1.0',
        reviewDate: '2027-06-01',
      },
    ],
    isaSigned: [{ documentId: 11, signedOrganisationIds: [1, 2, 3, 4] }],
    meetingsHeld: ['2026-01-10', '2026-04-10', '2026-07-10', '2026-10-10'].map((d, i) => ({
      id: i + 1,
      title: `Board ${i + 1}`,
      startsAt: `${d}T10:00:00+00:00`,
    })),
    attendance: members.map((m) => ({ organisationId: m.id, organisationName: m.name, meetings: 4, present: 4 })),
    actions: { open: 8, overdue: 0 },
    shareDecisions: { total: 3, lastTwelveMonths: 2 },
    training: { trainedOrganisationIds: [1, 2, 3, 4] },
    ...over,
  };
}

describe('the checklist', () => {
  it('has 17 questions in 5 themes, numbered in order, each theme used', () => {
    expect(QUESTIONS).toHaveLength(17);
    expect(THEMES).toHaveLength(5);
    expect(QUESTIONS.map((q) => q.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const t of THEMES) expect(QUESTIONS.some((q) => q.theme === t.key)).toBe(true);
    expect(new Set(QUESTIONS.map((q) => q.key)).size).toBe(17);
  });

  it('every evidence item belongs to a question and all are green when the records are complete', () => {
    const items = computeEvidence(facts());
    const cited = new Set(QUESTIONS.flatMap((q) => q.evidence));
    for (const e of items) expect(cited.has(e.key), e.key).toBe(true);
    expect(items.filter((e) => e.status !== 'green').map((e) => e.key)).toEqual(['strategy-plan']);
  });
});

describe('evidence rules', () => {
  it('names each missing sector; missing police is red, missing GLAA alone is amber', () => {
    const noGlaa = facts({
      coverage: facts().coverage.map((c) => (c.key === 'glaa' || c.key === 'hmrc' ? { ...c, members: [] } : c)),
    });
    const e = sectorsEvidence(noGlaa);
    expect(e.status).toBe('amber');
    const label = (key: string) => CHECKLIST_SECTORS.find((c) => c.key === key)!.label;
    expect(e.reason).toBe(`14 of 16 recommended sectors have a current member. Missing: ${label('glaa')} and ${label('hmrc')}.`);
    expect(e.names).toEqual([label('glaa'), label('hmrc')]);
    const noPolice = sectorsEvidence(
      facts({ coverage: facts().coverage.map((c) => (c.key === 'police' ? { ...c, members: [] } : c)) }),
    );
    expect(noPolice.status).toBe('red');
    expect(noPolice.reason).toContain('Missing: Police.');
  });

  it('names each member that has not signed the agreed ISA', () => {
    const e = isaEvidence(facts({ isaSigned: [{ documentId: 11, signedOrganisationIds: [1] }] }));
    expect(e.status).toBe('red');
    expect(e.reason).toBe(
      '3 of 4 members have not signed Northshire ISA: Northshire County Council, NHS Northshire and Northshire Fire.',
    );
    expect(e.names).toEqual(['Northshire County Council', 'NHS Northshire', 'Northshire Fire']);
    const one = isaEvidence(facts({ isaSigned: [{ documentId: 11, signedOrganisationIds: [1, 2, 3] }] }));
    expect(one.status).toBe('amber');
    expect(one.reason).toBe('1 of 4 members have not signed Northshire ISA: Northshire Fire.');
  });

  it('an ISA that is only a draft is red and links to it; none at all offers the template', () => {
    const draft = isaEvidence(
      facts({
        documents: [
          {
            id: 12,
            title: 'Draft ISA',
            templateKey: 'information-sharing-agreement',
            status: 'draft',
            versionLabel: '0.1',
            reviewDate: null,
          },
        ],
      }),
    );
    expect(draft.status).toBe('red');
    expect(draft.reason).toContain('Draft ISA is a draft');
    expect(draft.links[0]).toMatchObject({ kind: 'route', route: '/documents/12' });
    const none = isaEvidence(facts({ documents: [] }));
    expect(none.links[0]).toMatchObject({ kind: 'template', templateKey: 'information-sharing-agreement' });
  });

  it('terms of reference: agreed and in date is green, past review is amber with the date, none is red', () => {
    expect(termsOfReferenceEvidence(facts()).status).toBe('green');
    const late = termsOfReferenceEvidence(
      facts({
        documents: [
          {
            id: 10,
            title: 'ToR',
            templateKey: 'terms-of-reference',
            status: 'agreed',
            versionLabel: '1.0',
            reviewDate: '2026-03-31',
          },
        ],
      }),
    );
    expect(late.status).toBe('amber');
    expect(late.reason).toBe('ToR (version 1.0) is agreed, but its review was due on 31 March 2026.');
    const none = termsOfReferenceEvidence(facts({ documents: [] }));
    expect(none.status).toBe('red');
    expect(none.links[0]).toMatchObject({ kind: 'template', templateKey: 'terms-of-reference' });
  });

  it('meetings: four in the year is green, fewer amber, none red', () => {
    expect(meetingsEvidence(facts()).status).toBe('green');
    const two = meetingsEvidence(facts({ meetingsHeld: facts().meetingsHeld.slice(2) }));
    expect(two.status).toBe('amber');
    expect(two.reason).toBe(
      '2 meetings in the last 12 months (quarterly would be 4); the latest was Board 4 on 10 October 2026.',
    );
    expect(meetingsEvidence(facts({ meetingsHeld: [] })).status).toBe('red');
  });

  it('attendance: reports rates by sector and names rarely present and never recorded members', () => {
    const e = attendanceEvidence(
      facts({
        attendance: [
          { organisationId: 1, organisationName: 'Northshire Police', meetings: 4, present: 4 },
          { organisationId: 2, organisationName: 'Northshire County Council', meetings: 4, present: 3 },
          { organisationId: 3, organisationName: 'NHS Northshire', meetings: 4, present: 1 },
        ],
      }),
    );
    expect(e.status).toBe('amber');
    expect(e.reason).toContain('Police 100%');
    expect(e.reason).toContain('NHS 25%');
    expect(e.reason).toContain('Rarely present: NHS Northshire (1 of 4).');
    expect(e.reason).toContain('No attendance recorded for Northshire Fire.');
    expect(e.names).toEqual(['NHS Northshire', 'Northshire Fire']);
  });

  it('overdue actions: share of open actions, with thresholds', () => {
    expect(overdueActionsEvidence(facts()).reason).toBe('None of the 8 open actions is overdue.');
    const some = overdueActionsEvidence(facts({ actions: { open: 8, overdue: 2 } }));
    expect(some).toMatchObject({ status: 'amber', reason: '2 of 8 open actions are overdue (25%).' });
    expect(overdueActionsEvidence(facts({ actions: { open: 8, overdue: 5 } })).status).toBe('red');
    expect(overdueActionsEvidence(facts({ actions: { open: 0, overdue: 0 } })).status).toBe('amber');
  });

  it('the share log, the coordinator, the business members', () => {
    expect(shareLogEvidence(facts()).status).toBe('green');
    expect(shareLogEvidence(facts({ shareDecisions: { total: 2, lastTwelveMonths: 0 } })).reason).toBe(
      '2 decisions to share recorded, none in the last 12 months.',
    );
    expect(coordinatorEvidence(facts({ coordinatorName: '' })).status).toBe('amber');
    const biz = privateSectorEvidence(
      facts({ coverage: facts().coverage.map((c) => (c.key === 'business' ? { ...c, members: [] } : c)) }),
    );
    expect(biz.status).toBe('amber');
  });

  it('strategy and plan are not tracked yet; training names members with nobody trained', () => {
    expect(strategyPlanEvidence()).toMatchObject({ status: 'not_tracked' });
    expect(strategyPlanEvidence().reason).toMatch(/^Not tracked yet/);
    const t = trainingEvidence(facts({ training: { trainedOrganisationIds: [1, 2] } }));
    expect(t.status).toBe('amber');
    expect(t.reason).toBe(
      '2 of 4 members have someone trained in the last three years. None recorded for NHS Northshire and Northshire Fire.',
    );
    expect(trainingEvidence(facts({ training: { trainedOrganisationIds: [] } })).status).toBe('red');
    expect(trainingEvidence(facts({ training: null })).status).toBe('not_tracked');
  });

  it('lists names in plain English', () => {
    expect(listText([])).toBe('');
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

describe('comparing assessments', () => {
  it('says what improved and what slipped', () => {
    const before = { evidence: computeEvidence(facts({ documents: [] })), answers: emptyAnswers() };
    before.answers['purpose'] = { answer: 'partly', notes: '', resourceIds: [] };
    before.answers['survivors'] = { answer: 'yes', notes: '', resourceIds: [] };
    const after = { evidence: computeEvidence(facts({ actions: { open: 4, overdue: 3 } })), answers: emptyAnswers() };
    after.answers['purpose'] = { answer: 'yes', notes: '', resourceIds: [] };
    after.answers['survivors'] = { answer: 'no', notes: '', resourceIds: [] };
    const c = compareAssessments(before, after);
    expect(c.evidence.find((e) => e.key === 'terms-of-reference')?.change).toBe('improved');
    expect(c.evidence.find((e) => e.key === 'isa')?.change).toBe('improved');
    expect(c.evidence.find((e) => e.key === 'overdue-actions')?.change).toBe('slipped');
    expect(c.evidence.find((e) => e.key === 'strategy-plan')?.change).toBe('same');
    expect(c.answers.find((a) => a.number === 1)?.change).toBe('improved');
    expect(c.answers.find((a) => a.number === 3)?.change).toBe('slipped');
    expect(compareAssessments(null, after).evidence.every((e) => e.change === 'new')).toBe(true);
  });
});
