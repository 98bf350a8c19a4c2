import type { Database } from 'better-sqlite3';
import type { AgendaItem, Decision, Paper } from '../../shared/meetings/model';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import { checkVersion } from '../store/versioning';
import { personNames } from '../partners/directory-api';
import { checkPeople, notFound, nowIso } from './rows';
import { getMeeting, markHeldIfRecorded, touchMeeting } from './meeting-rows';

// A meeting's agenda, with each item's papers and minutes, and the decisions recorded against it.

export function listAgenda(db: Database, meetingId: number): AgendaItem[] {
  const items = db
    .prepare(
      `SELECT a.id, a.meeting_id AS meetingId, a.position, a.kind, a.title, a.lead_person_id AS leadPersonId,
              '' AS leadName, a.minutes_allowed AS minutesAllowed, a.minutes, a.version
         FROM agenda_items a
        WHERE a.meeting_id = ? ORDER BY a.position, a.id`,
    )
    .all(meetingId) as Omit<AgendaItem, 'papers'>[];
  const leads = personNames(
    db,
    items.map((i) => i.leadPersonId),
  );
  const papers = db
    .prepare(
      `SELECT pa.id, pa.agenda_item_id AS itemId, pa.kind, pa.title, pa.url
         FROM agenda_papers pa JOIN agenda_items a ON a.id = pa.agenda_item_id
        WHERE a.meeting_id = ? ORDER BY pa.id`,
    )
    .all(meetingId) as (Paper & { itemId: number })[];
  return items.map((i) => ({
    ...i,
    leadName: i.leadPersonId === null ? '' : (leads.get(i.leadPersonId) ?? ''),
    papers: papers.filter((p) => p.itemId === i.id).map(({ itemId: _itemId, ...p }) => p),
  }));
}

export function agendaItem(db: Database, id: number): { id: number; meetingId: number } {
  return (
    (db.prepare('SELECT id, meeting_id AS meetingId FROM agenda_items WHERE id = ?').get(id) as
      { id: number; meetingId: number } | undefined) ?? notFound('agenda item')
  );
}

export function addAgendaItem(
  db: Database,
  r: { meetingId: number; title: string; leadPersonId: number | null; minutesAllowed: number | null },
): AgendaItem[] {
  getMeeting(db, r.meetingId);
  checkPeople(db, r.leadPersonId);
  db.transaction(() => {
    // New items go before "Any other business" and "Date of next meeting" when those are still last.
    const items = listAgenda(db, r.meetingId);
    let index = items.length;
    while (index > 0 && (items[index - 1]!.kind === 'aob' || items[index - 1]!.kind === 'next_meeting')) index--;
    const at = nowIso();
    const res = db
      .prepare(
        `INSERT INTO agenda_items (meeting_id, position, kind, title, lead_person_id, minutes_allowed, created_at, updated_at)
         VALUES (?, ?, 'item', ?, ?, ?, ?, ?)`,
      )
      .run(r.meetingId, index, r.title, r.leadPersonId, r.minutesAllowed, at, at);
    const order = items.map((i) => i.id);
    order.splice(index, 0, Number(res.lastInsertRowid));
    writeOrder(db, order);
    touchMeeting(db, r.meetingId);
    recordAudit(db, 'agenda_item', Number(res.lastInsertRowid), 'create');
  })();
  return listAgenda(db, r.meetingId);
}

function writeOrder(db: Database, ids: number[]): void {
  const stmt = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  ids.forEach((id, i) => stmt.run(i, id));
}

export function updateAgendaItem(
  db: Database,
  r: {
    id: number;
    title: string;
    leadPersonId: number | null;
    minutesAllowed: number | null;
    minutes: string;
    version?: number | undefined;
  },
): AgendaItem {
  const item = agendaItem(db, r.id);
  checkPeople(db, r.leadPersonId);
  db.transaction(() => {
    checkVersion(db, 'agenda_items', r.id, r.version, 'agenda item');
    db.prepare(
      `UPDATE agenda_items SET title = ?, lead_person_id = ?, minutes_allowed = ?, minutes = ?, updated_at = ?,
              version = version + 1 WHERE id = ?`,
    ).run(r.title, r.leadPersonId, r.minutesAllowed, r.minutes, nowIso(), r.id);
    touchMeeting(db, item.meetingId);
    recordAudit(db, 'agenda_item', r.id, 'update');
    if (r.minutes.trim() !== '') markHeldIfRecorded(db, item.meetingId);
  })();
  return listAgenda(db, item.meetingId).find((i) => i.id === r.id)!;
}

export function removeAgendaItem(db: Database, id: number): AgendaItem[] {
  const item = agendaItem(db, id);
  db.transaction(() => {
    db.prepare('DELETE FROM agenda_items WHERE id = ?').run(id);
    writeOrder(
      db,
      listAgenda(db, item.meetingId).map((i) => i.id),
    );
    recordAudit(db, 'agenda_item', id, 'erase');
  })();
  return listAgenda(db, item.meetingId);
}

export function reorderAgenda(db: Database, meetingId: number, itemIds: number[]): AgendaItem[] {
  const current = listAgenda(db, meetingId).map((i) => i.id);
  const same = current.length === itemIds.length && [...current].sort().join() === [...itemIds].sort().join();
  if (!same) throw new AppError('conflict', 'The agenda changed while you were reordering it. Reload and try again.');
  db.transaction(() => {
    writeOrder(db, itemIds);
    touchMeeting(db, meetingId);
    recordAudit(db, 'meeting', meetingId, 'update');
  })();
  return listAgenda(db, meetingId);
}

export function addPaper(
  db: Database,
  r: { agendaItemId: number; kind: 'link' | 'file'; title: string; url: string },
): AgendaItem {
  const item = agendaItem(db, r.agendaItemId);
  db.transaction(() => {
    const res = db
      .prepare('INSERT INTO agenda_papers (agenda_item_id, kind, title, url, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.agendaItemId, r.kind, r.title, r.kind === 'link' ? r.url : '', nowIso());
    recordAudit(db, 'agenda_paper', Number(res.lastInsertRowid), 'create');
  })();
  return listAgenda(db, item.meetingId).find((i) => i.id === item.id)!;
}

export function removePaper(db: Database, id: number): AgendaItem {
  const row = db.prepare('SELECT agenda_item_id AS itemId FROM agenda_papers WHERE id = ?').get(id) as
    { itemId: number } | undefined;
  if (!row) notFound('paper');
  const item = agendaItem(db, row.itemId);
  db.transaction(() => {
    db.prepare('DELETE FROM agenda_papers WHERE id = ?').run(id);
    recordAudit(db, 'agenda_paper', id, 'erase');
  })();
  return listAgenda(db, item.meetingId).find((i) => i.id === item.id)!;
}

// ---------- decisions ----------

export function listDecisions(db: Database, meetingId: number): Decision[] {
  return db
    .prepare(
      `SELECT id, meeting_id AS meetingId, agenda_item_id AS agendaItemId, text, created_at AS createdAt
         FROM decisions WHERE meeting_id = ? ORDER BY id`,
    )
    .all(meetingId) as Decision[];
}

export function createDecision(db: Database, r: { meetingId: number; agendaItemId: number | null; text: string }): Decision {
  getMeeting(db, r.meetingId);
  if (r.agendaItemId !== null && agendaItem(db, r.agendaItemId).meetingId !== r.meetingId) {
    throw new AppError('invalid_request', 'That agenda item belongs to another meeting.');
  }
  const id = db.transaction(() => {
    const at = nowIso();
    const res = db
      .prepare('INSERT INTO decisions (meeting_id, agenda_item_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.meetingId, r.agendaItemId, r.text, at, at);
    recordAudit(db, 'decision', Number(res.lastInsertRowid), 'create');
    return Number(res.lastInsertRowid);
  })();
  return listDecisions(db, r.meetingId).find((d) => d.id === id)!;
}

export function deleteDecision(db: Database, id: number): void {
  if (!db.prepare('SELECT 1 FROM decisions WHERE id = ?').get(id)) notFound('decision');
  db.transaction(() => {
    db.prepare('DELETE FROM decisions WHERE id = ?').run(id);
    recordAudit(db, 'decision', id, 'erase');
  })();
}
