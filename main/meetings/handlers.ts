import type { DocumentTree } from '../../shared/documents/tree';
import { safeFileName } from '../../shared/files';
import type { meetingsChannels } from '../../shared/contract/meetings';
import { buildIcs } from '../../shared/meetings/ics';
import type { PaperContext } from '../../shared/meetings/papers';
import { actionLogTree, agendaTree, meetingPackTree, minutesTree } from '../../shared/meetings/papers';
import { isoToLondon, londonToday } from '../../shared/meetings/time';
import { AppError } from '../../shared/result';
import { recordAudit } from '../audit/repository';
import type { HandlerContext, HandlerGroup } from '../ipc/dispatcher';
import { getSettings } from '../settings/repository';
import * as repo from './repository';
import { docxWriter } from './word';

type MeetingChannel = keyof typeof meetingsChannels;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function paperContext(ctx: HandlerContext, now: Date): PaperContext {
  const s = getSettings(ctx.db);
  return { partnershipName: s.name, coordinatorName: s.coordinatorName, now };
}

async function saveDocx(ctx: HandlerContext, tree: DocumentTree, name: string, entity: string, entityId: number) {
  const bytes = await docxWriter(tree);
  const outcome = await ctx.host.saveFile({
    suggestedName: `${safeFileName(name)}.docx`,
    mimeType: DOCX_MIME,
    extension: 'docx',
    bytes,
  });
  if (outcome.status !== 'canceled') recordAudit(ctx.db, entity, entityId, 'export');
  return outcome;
}

const meetingName = (title: string, startsAt: string, what: string) => `${title} ${isoToLondon(startsAt).date} ${what}`;

/** One meeting's agenda or minutes as a Word file, named after the meeting. */
function exportPaper(ctx: HandlerContext, meetingId: number, paper: 'agenda' | 'minutes') {
  const now = new Date();
  const d = repo.meetingDetail(ctx.db, meetingId, now);
  const tree = (paper === 'agenda' ? agendaTree : minutesTree)(d, paperContext(ctx, now));
  return saveDocx(ctx, tree, meetingName(d.meeting.title, d.meeting.startsAt, paper), 'meeting', d.meeting.id);
}

export function buildPackTree(ctx: HandlerContext, meetingId: number, now: Date): DocumentTree {
  const detail = repo.meetingDetail(ctx.db, meetingId, now);
  const previous = detail.previousMeetingId === null ? null : repo.meetingDetail(ctx.db, detail.previousMeetingId, now);
  const open = repo.listActions(
    ctx.db,
    {
      overdueOnly: false,
      organisationId: null,
      ownerPersonId: null,
      groupId: detail.meeting.groupId,
      meetingId: null,
      statuses: ['open', 'in_progress'],
      search: '',
      limit: 1000,
      offset: 0,
    },
    now,
  ).items;
  return meetingPackTree(detail, previous, open, paperContext(ctx, now));
}

export const meetingsHandlers: HandlerGroup<MeetingChannel> = {
  'meetings.groups.list': (_req, { db }) => repo.listGroups(db),
  'meetings.groups.create': (req, { db }) => repo.createGroup(db, req.name, req.kind),
  'meetings.list': (req, { db }) => repo.listMeetings(db, req, new Date()),
  'meetings.get': (req, { db }) => repo.meetingDetail(db, req.id, new Date()),
  'meetings.create': (req, { db }) => repo.meetingDetail(db, repo.createMeeting(db, req), new Date()),
  'meetings.update': ({ id, version, ...rest }, { db }) => {
    repo.updateMeeting(db, id, rest, version);
    return repo.meetingDetail(db, id, new Date());
  },
  'meetings.delete': (req, { db }) => {
    repo.deleteMeeting(db, req.id);
    return { deleted: true };
  },
  'meetings.agenda.add': (req, { db }) => repo.addAgendaItem(db, req),
  'meetings.agenda.update': (req, { db }) => repo.updateAgendaItem(db, req),
  'meetings.agenda.remove': (req, { db }) => repo.removeAgendaItem(db, req.id),
  'meetings.agenda.reorder': (req, { db }) => repo.reorderAgenda(db, req.meetingId, req.itemIds),
  'meetings.agenda.addPaper': (req, { db }) => repo.addPaper(db, req),
  'meetings.agenda.removePaper': (req, { db }) => repo.removePaper(db, req.id),
  'meetings.attendance.invite': (req, { db }) => repo.invite(db, req.meetingId, req.personIds, req.organisationId),
  'meetings.attendance.mark': (req, { db }) => repo.markAttendance(db, req),
  'meetings.attendance.remove': (req, { db }) => repo.removeAttendance(db, req.id),
  'meetings.attendance.rates': (_req, { db }) => repo.organisationAttendance(db, new Date()),
  'meetings.actions.list': (req, { db }) => repo.listActions(db, req, new Date()),
  'meetings.actions.overdueCount': (_req, { db }) => ({ count: repo.overdueCount(db, new Date()) }),
  'meetings.actions.get': (req, { db }) => repo.actionDetail(db, req.id, new Date()),
  'meetings.actions.create': (req, { db }) => repo.createAction(db, req, new Date()),
  'meetings.actions.update': ({ id, version, ...rest }, { db }) => repo.updateAction(db, id, rest, new Date(), version),
  'meetings.actions.delete': (req, { db }) => {
    repo.deleteAction(db, req.id, new Date());
    return { deleted: true };
  },
  'meetings.actions.addUpdate': (req, { db }) => repo.addActionUpdate(db, req, new Date()),
  'meetings.decisions.create': (req, { db }) => repo.createDecision(db, req),
  'meetings.decisions.delete': (req, { db }) => {
    repo.deleteDecision(db, req.id);
    return { deleted: true };
  },
  'meetings.share.list': (_req, { db }) => repo.listShareDecisions(db),
  'meetings.share.create': (req, { db }) => repo.createShareDecision(db, req),
  'meetings.share.update': ({ id, version, ...rest }, { db }) => repo.updateShareDecision(db, id, rest, version),
  'meetings.share.delete': (req, { db }) => {
    repo.deleteShareDecision(db, req.id);
    return { deleted: true };
  },
  'meetings.export.agenda': (req, ctx) => exportPaper(ctx, req.meetingId, 'agenda'),
  'meetings.export.minutes': (req, ctx) => exportPaper(ctx, req.meetingId, 'minutes'),
  'meetings.export.pack': (req, ctx) => {
    const now = new Date();
    const m = repo.getMeeting(ctx.db, req.meetingId);
    return saveDocx(
      ctx,
      buildPackTree(ctx, req.meetingId, now),
      meetingName(m.title, m.startsAt, 'meeting pack'),
      'meeting',
      m.id,
    );
  },
  'meetings.export.actionLog': (req, ctx) => {
    const now = new Date();
    const page = repo.listActions(ctx.db, { ...req, limit: 1000, offset: 0 }, now);
    if (page.total > page.items.length) {
      throw new AppError('invalid_request', `That is ${page.total} actions; narrow the filters to 1,000 or fewer to export.`);
    }
    const filters = [
      req.overdueOnly ? 'overdue only' : '',
      req.statuses.length > 0 ? `status: ${req.statuses.join(', ').replace(/_/g, ' ')}` : '',
      req.search ? `matching "${req.search}"` : '',
      req.organisationId !== null || req.ownerPersonId !== null || req.groupId !== null ? 'filtered by owner or group' : '',
    ].filter((x) => x !== '');
    const marking = getSettings(ctx.db).defaultMarking;
    const tree = actionLogTree(page.items, {
      ...paperContext(ctx, now),
      marking,
      filterDescription: filters.length > 0 ? `Filters: ${filters.join('; ')}.` : 'All actions.',
    });
    return saveDocx(ctx, tree, `Action log ${londonToday(now)}`, 'action_log', 0);
  },
  'meetings.export.ics': async (req, ctx) => {
    const now = new Date();
    const settings = getSettings(ctx.db);
    const meetings = req.meetingIds.map((id) => {
      const m = repo.getMeeting(ctx.db, id);
      return {
        ...m,
        attendees: repo
          .listAttendance(ctx.db, id)
          .filter((a) => a.email !== '')
          .map((a) => ({ name: a.personName, email: a.email })),
      };
    });
    const text = buildIcs(meetings, {
      organiser: settings.coordinatorEmail ? { name: settings.coordinatorName, email: settings.coordinatorEmail } : null,
      now,
      partnershipName: settings.name,
    });
    const first = meetings[0]!;
    const name = meetings.length === 1 ? meetingName(first.title, first.startsAt, 'invitation') : `${first.groupName} meetings`;
    const outcome = await ctx.host.saveFile({
      suggestedName: `${safeFileName(name)}.ics`,
      mimeType: 'text/calendar',
      extension: 'ics',
      bytes: new Uint8Array(Buffer.from(text, 'utf8')),
    });
    if (outcome.status !== 'canceled') for (const m of meetings) recordAudit(ctx.db, 'meeting', m.id, 'export');
    return outcome;
  },
};
