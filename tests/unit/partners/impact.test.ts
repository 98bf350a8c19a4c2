import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemovalImpact } from '../../../shared/directory/types';
import type { Result } from '../../../shared/result';
import { createTestApp } from '../../helpers/db';
import { org, person } from './helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const ok = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};
const impact = (kind: 'organisation' | 'person', id: number) => ok<RemovalImpact>(app.dispatch('directory.impact', { kind, id }));
const postOf = (personId: number) => app.db.prepare('SELECT id FROM posts WHERE person_id = ?').pluck().get(personId) as number;

/** A council and a charity, two people at the council, an ISA naming them, a meeting ahead and one past, and actions. */
async function fixture() {
  const council = org(app.db, { name: 'Northshire County Council' });
  const charity = org(app.db, { name: 'Harbour Refuge' });
  const ada = person(app.db, { name: 'Ada Lovelace' }, { organisationId: council.id, jobTitle: 'Lead' });
  const bea = person(app.db, { name: 'Bea Brown' }, { organisationId: council.id, jobTitle: 'Officer' });
  const isa = await ok<{ id: number; revision: number }>(
    app.dispatch('documents.create', { templateKey: 'information-sharing-agreement', title: 'Council ISA' }),
  );
  await ok(
    app.dispatch('documents.update', {
      id: isa.id,
      revision: isa.revision,
      values: {
        owner: postOf(ada.id),
        parties: [{ organisation: council.id, role: null, spoc: postOf(ada.id), signatory: null }],
      },
    }),
  );
  const draft = await ok<{ id: number; revision: number }>(
    app.dispatch('documents.create', { templateKey: 'information-sharing-agreement', title: 'Charity ISA' }),
  );
  await ok(
    app.dispatch('documents.update', {
      id: draft.id,
      revision: draft.revision,
      values: { parties: [{ organisation: charity.id, role: null, spoc: null, signatory: null }] },
    }),
  );
  const now = new Date().toISOString();
  const group = app.db
    .prepare("INSERT INTO meeting_groups (name, kind, created_at) VALUES ('Board', 'strategic_board', ?)")
    .run(now).lastInsertRowid;
  const meeting = (title: string, start: string, end: string) =>
    Number(
      app.db
        .prepare(
          `INSERT INTO meetings (group_id, title, type, starts_at, ends_at, start_utc, marking, created_at, updated_at)
           VALUES (?, ?, 'strategic_board', ?, ?, ?, 'OFFICIAL', ?, ?)`,
        )
        .run(group, title, start, end, new Date(start).toISOString(), now, now).lastInsertRowid,
    );
  const ahead = meeting('Board, spring', '2099-03-02T10:00:00+00:00', '2099-03-02T11:00:00+00:00');
  const past = meeting('Board, last year', '2020-03-02T10:00:00+00:00', '2020-03-02T11:00:00+00:00');
  const invite = app.db.prepare(
    "INSERT INTO attendance (meeting_id, person_id, organisation_id, status, created_at, updated_at) VALUES (?, ?, ?, 'invited', ?, ?)",
  );
  invite.run(ahead, ada.id, council.id, now, now);
  invite.run(past, ada.id, council.id, now, now);
  const action = app.db.prepare(
    `INSERT INTO actions (description, owner_organisation_id, owner_person_id, due_on, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  action.run('Circulate the referral pathway', council.id, ada.id, '2099-01-31', 'open', now, now);
  action.run('Book the venue', council.id, null, null, 'done', now, now);
  return { council, charity, ada, bea, isa, draft, ahead, past };
}

describe('directory.impact: what a removal affects, before it is done', () => {
  it('archiving an organisation lists agreed and in-review documents it is a party to, its open actions and upcoming meetings', async () => {
    const f = await fixture();
    // A draft party is not listed: only agreed and in-review documents lose the organisation from their pickers.
    expect((await impact('organisation', f.council.id)).items.filter((i) => i.kind === 'document')).toEqual([]);
    app.db.prepare("UPDATE documents SET status = 'agreed' WHERE id = ?").run(f.isa.id);
    app.db.prepare("UPDATE documents SET status = 'in_review' WHERE id = ?").run(f.draft.id);

    const council = await impact('organisation', f.council.id);
    expect(council.subject).toBe('Northshire County Council');
    expect(council.items.map((i) => [i.kind, i.id, i.title])).toEqual([
      ['document', f.isa.id, 'Council ISA'],
      ['action', expect.any(Number), 'Circulate the referral pathway'],
      ['meeting', f.ahead, 'Board, spring'],
    ]);
    expect(council.items[0]!.detail).toMatch(/^Agreed, a party/);
    expect(council.items[1]!.detail).toContain('due 2099-01-31');

    const charity = await impact('organisation', f.charity.id);
    expect(charity.items.map((i) => [i.kind, i.title, i.detail.split(',')[0]])).toEqual([
      ['document', 'Charity ISA', 'In review'],
    ]);
  });

  it('erasing a person lists the drafts naming them (by field), their open actions, upcoming attendance and the coordinator role', async () => {
    const f = await fixture();
    const ada = await impact('person', f.ada.id);
    expect(ada.subject).toBe('Ada Lovelace');
    expect(ada.items.map((i) => [i.kind, i.title])).toEqual([
      ['document', 'Council ISA'],
      ['action', 'Circulate the referral pathway'],
      ['meeting', 'Board, spring'],
    ]);
    // The fields are named by their labels in the document's template: the owner and a party's SPOC.
    const named = ada.items[0]!.detail;
    expect(named).toMatch(/^Draft, names them as /);
    expect(named.split(', ').length).toBeGreaterThanOrEqual(3);

    // An agreed document keeps its frozen record; only drafts and documents in review are listed.
    app.db.prepare("UPDATE documents SET status = 'agreed' WHERE id = ?").run(f.isa.id);
    expect((await impact('person', f.ada.id)).items.some((i) => i.kind === 'document')).toBe(false);

    expect((await impact('person', f.bea.id)).items).toEqual([]);
    app.db.prepare('UPDATE partnership_settings SET coordinator_person_id = ?').run(f.bea.id);
    expect((await impact('person', f.bea.id)).items).toEqual([
      expect.objectContaining({ kind: 'settings', id: null, title: 'Partnership coordinator' }),
    ]);
  });

  it('refuses an unknown record', async () => {
    const r = await app.dispatch('directory.impact', { kind: 'person', id: 999 });
    expect(r.ok).toBe(false);
  });
});
