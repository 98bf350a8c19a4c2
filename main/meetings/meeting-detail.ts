import type { Database } from 'better-sqlite3';
import type { MeetingDetail } from '../../shared/meetings/model';
import { toUtcIso } from '../../shared/meetings/time';
import { getMeeting, plannedReason } from './meeting-rows';
import { listAgenda, listDecisions } from './agenda-rows';
import { listAttendance } from './attendance-rows';
import { listActions, mattersArisingFor } from './action-rows';

// A whole meeting as its screen and papers show it, gathered from each record kind's module.

export function meetingDetail(db: Database, id: number, now: Date): MeetingDetail {
  const meeting = getMeeting(db, id);
  const previous = db
    .prepare(
      `SELECT id FROM meetings WHERE group_id = ? AND start_utc < ? AND status <> 'cancelled'
        ORDER BY start_utc DESC, id DESC LIMIT 1`,
    )
    .get(meeting.groupId, toUtcIso(meeting.startsAt)) as { id: number } | undefined;
  return {
    meeting,
    agenda: listAgenda(db, id),
    attendance: listAttendance(db, id),
    decisions: listDecisions(db, id),
    actions: listActions(
      db,
      {
        overdueOnly: false,
        organisationId: null,
        ownerPersonId: null,
        groupId: null,
        meetingId: id,
        statuses: [],
        search: '',
        limit: 1000,
        offset: 0,
      },
      now,
    ).items.sort((a, b) => a.id - b.id),
    mattersArising: mattersArisingFor(db, meeting, now),
    previousMeetingId: previous?.id ?? null,
    statusNote: plannedReason(db, meeting, now),
  };
}
