import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/result';
import { createTestApp } from '../../helpers/db';
import { org, person } from '../partners/helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

/** Every value in every table as lower-case text. */
function everything(): string {
  const tables = app.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return tables
    .filter((t) => t !== 'directory_search')
    .flatMap((t) =>
      (app.db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][])
        .flat()
        .map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))),
    )
    .join('\n')
    .toLowerCase();
}

const ok = async <T>(p: Promise<Result<unknown>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

describe('erasing a person reaches every area', () => {
  it('leaves no trace in documents (values and frozen versions) or meetings (attendance, roles, text)', async () => {
    const council = org(app.db, { name: 'Northshire County Council' });
    const keep = person(
      app.db,
      { name: 'Kept Person' },
      { organisationId: council.id, jobTitle: 'Officer', email: 'kept@council.example' },
    );
    const gone = person(
      app.db,
      { name: 'Xanthippe Quorzyl' },
      { organisationId: council.id, jobTitle: 'Zymurgist Lead', email: 'xq.zymurgy@council.example', phone: '01632 960999' },
    );
    const gonePost = app.db.prepare('SELECT id FROM posts WHERE person_id = ?').pluck().get(gone.id) as number;
    const keepPost = app.db.prepare('SELECT id FROM posts WHERE person_id = ?').pluck().get(keep.id) as number;

    // A document naming both people (owner, approver, a party's contact and signatory), with an agreed version frozen.
    const doc = await ok<{ id: number; revision: number }>(
      app.dispatch('documents.create', { templateKey: 'information-sharing-agreement', title: 'Council agreement' }),
    );
    await ok(
      app.dispatch('documents.update', {
        id: doc.id,
        revision: doc.revision,
        values: {
          owner: gonePost,
          approver: keepPost,
          parties: [{ organisation: council.id, role: null, spoc: gonePost, signatory: keepPost }],
        },
      }),
    );
    app.db
      .prepare(
        `INSERT INTO document_versions (document_id, number, label, agreed_by, agreed_at, note, values_json, template_snapshot_id, tree_json)
         SELECT id, 1, '1.0', 'Coordinator', '2026-11-01', '', values_json, template_snapshot_id, ? FROM documents WHERE id = ?`,
      )
      .run(
        JSON.stringify({
          blocks: [
            { kind: 'paragraph', runs: [{ text: 'Signed by Xanthippe Quorzyl (xq.zymurgy@council.example, 01632 960999)' }] },
          ],
        }),
        doc.id,
      );
    const parties = app.db.prepare('SELECT organisation_id FROM document_parties WHERE document_id = ?').pluck().all(doc.id);
    expect(parties).toEqual([council.id]);

    // A meeting she chaired and attended, with her name typed into the minutes and an action she owns.
    const now = new Date().toISOString();
    const group = app.db
      .prepare("INSERT INTO meeting_groups (name, kind, created_at) VALUES ('Board', 'strategic_board', ?)")
      .run(now).lastInsertRowid;
    const meeting = app.db
      .prepare(
        `INSERT INTO meetings (group_id, title, type, starts_at, ends_at, start_utc, chair_person_id, marking, created_at, updated_at)
         VALUES (?, 'Board', 'strategic_board', '2026-11-02T10:00:00+00:00', '2026-11-02T11:00:00+00:00', '2026-11-02T10:00:00Z', ?, 'OFFICIAL', ?, ?)`,
      )
      .run(group, gone.id, now, now).lastInsertRowid;
    app.db
      .prepare(
        "INSERT INTO attendance (meeting_id, person_id, organisation_id, status, created_at, updated_at) VALUES (?, ?, ?, 'attended', ?, ?)",
      )
      .run(meeting, gone.id, council.id, now, now);
    app.db
      .prepare(
        "INSERT INTO agenda_items (meeting_id, position, title, minutes, created_at, updated_at) VALUES (?, 1, 'Update', ?, ?, ?)",
      )
      .run(meeting, 'Xanthippe Quorzyl reported on the operation.', now, now);
    app.db
      .prepare(
        "INSERT INTO actions (meeting_id, description, owner_person_id, created_at, updated_at) VALUES (?, 'Xanthippe Quorzyl to circulate the plan', ?, ?, ?)",
      )
      .run(meeting, gone.id, now, now);
    expect(everything()).toContain('quorzyl');

    expect(await app.dispatch('partners.people.erase', { id: gone.id, confirmName: 'Xanthippe Quorzyl' })).toEqual({
      ok: true,
      value: { erased: true },
    });

    const all = everything();
    for (const trace of ['quorzyl', 'xanthippe', 'zymurg', '960999']) expect(all).not.toContain(trace);
    const values = JSON.parse(app.db.prepare('SELECT values_json FROM documents WHERE id = ?').pluck().get(doc.id) as string);
    expect(values.approver).toBe(keepPost);
    expect(values.owner).toBeNull();
    expect(values.parties).toEqual([{ organisation: council.id, role: null, spoc: null, signatory: keepPost }]);
    expect(app.db.prepare('SELECT chair_person_id FROM meetings WHERE id = ?').pluck().get(meeting)).toBeNull();
    expect(app.db.prepare('SELECT count(*) FROM attendance WHERE meeting_id = ?').pluck().get(meeting)).toBe(0);
    expect(all).toContain('kept person');
    expect(all).toContain('[erased person] reported on the operation.');
  });
});
