import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentView } from '../../../shared/contract/toolkit';
import type { Action } from '../../../shared/meetings/model';
import type { AssessmentSummary } from '../../../shared/toolkit/assessment';
import type { EvidenceItem } from '../../../shared/toolkit/checklist';
import { createTestApp } from '../../helpers/db';
import type { App } from './helpers';
import { fails, ok } from './helpers';

let app: App;
beforeEach(async () => {
  app = createTestApp();
  await ok(app, 'examples.loadPartnership', {});
});
afterEach(() => app.cleanup());

const byKey = (items: EvidenceItem[], key: string) => items.find((e) => e.key === key)!;

describe('checklist evidence from the example partnership', () => {
  it('reads the records: unsigned members and missing sectors are named', async () => {
    const items = await ok<EvidenceItem[]>(app, 'toolkit.checklist.evidence', {});
    const isa = byKey(items, 'isa');
    expect(isa.status).toBe('amber');
    expect(isa.reason).toBe(
      '3 of 6 members have not signed Northshire partnership information sharing agreement: Gangmasters and Labour Abuse Authority, Northshire Fire and Rescue Service and The Salvation Army.',
    );
    const sectors = byKey(items, 'sectors');
    expect(sectors.status).toBe('amber');
    expect(sectors.names).toContain('HMRC');
    expect(sectors.names).not.toContain('Police');
    expect(byKey(items, 'terms-of-reference').status).toBe('green');
    expect(byKey(items, 'meetings')).toMatchObject({ status: 'amber' });
    expect(byKey(items, 'meetings').reason).toMatch(/^3 meetings in the last 12 months/);
    expect(byKey(items, 'attendance').reason).toContain('Police 100%');
    // One of five open actions is overdue (the done one does not count).
    expect(byKey(items, 'overdue-actions').reason).toBe('2 of 5 open actions are overdue (40%).');
    expect(byKey(items, 'share-log').status).toBe('green');
    expect(byKey(items, 'coordinator').reason).toBe('Aisha Khan is named as the coordinator in Settings.');
    // The example plan (Plans area) is agreed, every objective has activities, every indicator a recent reading.
    expect(byKey(items, 'strategy-plan')).toMatchObject({
      status: 'green',
      reason:
        'Northshire anti-slavery strategy: 5 objectives, 5 with activities; 5 indicators, 5 with a recent reading. Agreed and in use.',
    });
    expect(byKey(items, 'training').reason).toBe(
      '5 of 6 members have someone trained in the last three years. None recorded for Gangmasters and Labour Abuse Authority.',
    );
  });
});

describe('assessments', () => {
  it('are saved with frozen evidence, listed, compared with the previous one, and exported as .docx', async () => {
    const first = await ok<AssessmentView>(app, 'toolkit.assessments.save', {
      assessedOn: '2026-06-01',
      answers: { purpose: { answer: 'partly', notes: 'Purpose agreed informally' } },
    });
    expect(first.previous).toBeNull();
    expect(first.assessment.answers['purpose']).toEqual({
      answer: 'partly',
      notes: 'Purpose agreed informally',
      resourceIds: [],
    });
    expect(first.assessment.answers['monitoring']).toEqual({ answer: null, notes: '', resourceIds: [] });
    // Records change after the first save: the Salvation Army signs; the saved evidence does not move.
    const isa = app.db
      .prepare("SELECT id FROM documents WHERE template_key = 'information-sharing-agreement'")
      .pluck()
      .get() as number;
    const ruth = app.db
      .prepare("SELECT posts.id FROM posts JOIN people ON people.id = posts.person_id WHERE people.name = 'Ruth Morgan'")
      .pluck()
      .get() as number;
    await ok(app, 'documents.sign', { id: isa, contactId: ruth, signedOn: '2026-06-02' });
    const again = await ok<AssessmentView>(app, 'toolkit.assessments.get', { id: first.assessment.id });
    expect(byKey(again.assessment.evidence, 'isa').names).toContain('The Salvation Army');

    const second = await ok<AssessmentView>(app, 'toolkit.assessments.save', {
      assessedOn: '2026-07-01',
      answers: { purpose: { answer: 'yes', notes: '' } },
    });
    expect(second.previous).toEqual({ id: first.assessment.id, assessedOn: '2026-06-01' });
    expect(byKey(second.assessment.evidence, 'isa').names).not.toContain('The Salvation Army');
    expect(second.comparison.answers.find((a) => a.number === 1)?.change).toBe('improved');

    const list = await ok<AssessmentSummary[]>(app, 'toolkit.assessments.list', {});
    expect(list.map((a) => a.assessedOn)).toEqual(['2026-07-01', '2026-06-01']);
    expect(list[0]!.answered).toBe(1);

    const out = await ok<{ status: string; base64: string; fileName: string }>(app, 'toolkit.assessments.export', {
      id: second.assessment.id,
    });
    expect(out.fileName).toBe('Partnership checklist 2026-07-01.docx');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(out.base64, 'base64') })).value;
    expect(text).toContain('Partnership checklist');
    expect(text).toContain('Have the members agreed what the partnership is for?');
    expect(text).toContain('2 of 6 members have not signed Northshire partnership information sharing agreement');
    expect(text).toContain('Since last time');
    expect(text).toContain('Strategy and action planning');
  });

  it('turns chosen gaps into actions in the action log', async () => {
    const saved = await ok<AssessmentView>(app, 'toolkit.assessments.save', { answers: {} });
    const police = app.db.prepare("SELECT id FROM organisations WHERE name = 'Northshire Police'").pluck().get() as number;
    const r = await ok<{ created: number[] }>(app, 'toolkit.assessments.createActions', {
      id: saved.assessment.id,
      items: [
        {
          evidenceKey: 'isa',
          description: 'Get the ISA signed by every member',
          dueOn: '2027-01-31',
          ownerOrganisationId: police,
        },
      ],
    });
    expect(r.created).toHaveLength(1);
    const action = await ok<{ action: Action }>(app, 'meetings.actions.get', { id: r.created[0] });
    expect(action.action).toMatchObject({
      description: 'Get the ISA signed by every member',
      ownerOrganisationName: 'Northshire Police',
      status: 'open',
    });
    expect((await fails(app, 'toolkit.assessments.createActions', { id: saved.assessment.id, items: [] })).code).toBe(
      'invalid_request',
    );
  });

  it('refuses answers to questions that do not exist', async () => {
    expect((await fails(app, 'toolkit.assessments.save', { answers: { q99: { answer: 'yes' } } })).code).toBe('invalid_request');
  });
});
