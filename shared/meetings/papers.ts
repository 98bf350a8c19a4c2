import type { Block, DocumentTree, Run, TableCell } from '../documents/tree';
import type { ProtectiveMarking } from '../markings';
import type { Action, AgendaItem, MeetingDetail } from './model';
import { ACTION_STATUS_LABELS, ATTENDANCE_LABELS, FOUR_P_LABELS, GROUP_KIND_LABELS } from './model';
import { describeDate, describeMeetingTime, isoToLondon } from './time';

/**
 * Meeting papers as document trees: pure functions of the records, so the same tree feeds the
 * one .docx writer and can be checked in tests without a file.
 */
export type PaperContext = { partnershipName: string; coordinatorName: string; now: Date };

const t = (text: string, bold = false): Run => (bold ? { text, bold } : { text });
const cell = (text: string, bold = false): TableCell => [t(text, bold)];
const para = (...runs: Run[]): Block => ({ kind: 'paragraph', runs });

function paragraphs(text: string): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => para(t(p)));
}

function meta(title: string, subject: string, detail: MeetingDetail | null, marking: ProtectiveMarking, ctx: PaperContext) {
  return {
    title,
    subtitle: detail ? describeMeetingTime(detail.meeting.startsAt, detail.meeting.endsAt) : undefined,
    version: '1',
    date: detail ? isoToLondon(detail.meeting.startsAt).date : isoToLondon(ctx.now.toISOString()).date,
    marking,
    author: ctx.coordinatorName || ctx.partnershipName,
    subject,
    partnershipName: ctx.partnershipName,
  };
}

function owner(a: Action): string {
  return [a.ownerPersonName, a.ownerOrganisationName].filter((x) => x !== '').join(', ') || 'Not yet assigned';
}

function statusText(a: Action): string {
  return a.overdue ? `${ACTION_STATUS_LABELS[a.status]} (overdue)` : ACTION_STATUS_LABELS[a.status];
}

/** The actions table used in minutes, the action log and the pack. */
export function actionsTable(actions: readonly Action[], caption: string, withMeeting = false): Block {
  const header = ['Ref', 'Action', 'Owner', 'Due', 'Status', ...(withMeeting ? ['Raised at'] : [])];
  return {
    kind: 'table',
    caption,
    header,
    widths: withMeeting ? [7, 35, 18, 13, 12, 15] : [8, 42, 20, 15, 15],
    rows: actions.map((a) => [
      cell(`A${a.id}`),
      cell(a.description),
      cell(owner(a)),
      cell(a.dueOn ? describeDate(a.dueOn) : 'No date'),
      cell(statusText(a), a.overdue),
      ...(withMeeting ? [cell(a.meetingTitle || 'Not from a meeting')] : []),
    ]),
  };
}

function meetingFacts(d: MeetingDetail, partnershipName: string): Block[] {
  const m = d.meeting;
  const facts: Run[][] = [
    // Papers travel beyond the partnership's own folders: each says whose meeting it was.
    ...(partnershipName.trim() !== '' ? [[t('Partnership: ', true), t(partnershipName)]] : []),
    [t('When: ', true), t(describeMeetingTime(m.startsAt, m.endsAt))],
    [t('Group: ', true), t(`${m.groupName} (${GROUP_KIND_LABELS[m.type]})`)],
  ];
  if (m.location) facts.push([t('Where: ', true), t(m.location)]);
  if (m.onlineLink) facts.push([t('Online: ', true), t(m.onlineLink)]);
  if (m.chairName) facts.push([t('Chair: ', true), t(m.chairName)]);
  if (m.minuteTakerName) facts.push([t('Minutes: ', true), t(m.minuteTakerName)]);
  if (m.status === 'cancelled') facts.push([t('This meeting has been cancelled.', true)]);
  return facts.map((runs) => ({ kind: 'paragraph', runs }));
}

function itemHeading(item: AgendaItem, n: number): string {
  return `${n}. ${item.title}`;
}

/** In a pack the open actions are listed once, at the end; the agenda and minutes point there. */
type Placement = { actionsAtEnd: boolean };
const SEE_END = 'The open actions are listed in full at the end of this pack.';

function agendaBlocks(d: MeetingDetail, partnershipName: string, place: Placement = { actionsAtEnd: false }): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `${d.meeting.title}: agenda` },
    ...meetingFacts(d, partnershipName),
  ];
  blocks.push({
    kind: 'table',
    caption: 'Agenda',
    header: ['No.', 'Item', 'Lead', 'Time'],
    widths: [8, 57, 20, 15],
    rows: d.agenda.map((item, i) => [
      cell(String(i + 1)),
      cell(item.title),
      cell(item.leadName),
      cell(item.minutesAllowed === null ? '' : `${item.minutesAllowed} min`),
    ]),
  });
  const papers = d.agenda.flatMap((item, i) =>
    item.papers.map((p): Run[] => [t(`Item ${i + 1}: `, true), t(p.kind === 'link' ? `${p.title} (${p.url})` : p.title)]),
  );
  if (papers.length > 0) blocks.push({ kind: 'heading', level: 2, text: 'Papers' }, { kind: 'bullets', items: papers });
  if (d.mattersArising.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Matters arising: open actions' });
    blocks.push(
      place.actionsAtEnd
        ? para(
            t(
              `${d.mattersArising.length} open action${d.mattersArising.length === 1 ? '' : 's'} from earlier meetings. ${SEE_END}`,
            ),
          )
        : actionsTable(d.mattersArising, 'Open actions from earlier meetings of this group', true),
    );
  }
  return blocks;
}

export function agendaTree(d: MeetingDetail, ctx: PaperContext): DocumentTree {
  return {
    meta: meta(`${d.meeting.title}: agenda`, 'Agenda', d, d.meeting.marking, ctx),
    blocks: agendaBlocks(d, ctx.partnershipName),
  };
}

function attendanceBlocks(d: MeetingDetail): Block[] {
  if (d.attendance.length === 0) return [para(t('No attendance was recorded.'))];
  return [
    {
      kind: 'table',
      caption: 'Attendance',
      header: ['Name', 'Organisation', 'Attendance'],
      rows: d.attendance.map((a) => [
        cell(a.personName),
        cell(a.organisationName),
        cell(
          a.status === 'deputy' && a.deputyName ? `${ATTENDANCE_LABELS.deputy}: ${a.deputyName}` : ATTENDANCE_LABELS[a.status],
        ),
      ]),
    },
  ];
}

function minutesBlocks(d: MeetingDetail, partnershipName: string, place: Placement = { actionsAtEnd: false }): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: `${d.meeting.title}: minutes` },
    ...meetingFacts(d, partnershipName),
  ];
  blocks.push({ kind: 'heading', level: 2, text: 'Attendance' }, ...attendanceBlocks(d));
  d.agenda.forEach((item, i) => {
    blocks.push({ kind: 'heading', level: 2, text: itemHeading(item, i + 1) });
    if (item.kind === 'matters_arising') {
      blocks.push(
        d.mattersArising.length === 0
          ? para(t('There were no open actions from earlier meetings.'))
          : place.actionsAtEnd
            ? para(t(SEE_END))
            : actionsTable(d.mattersArising, 'Open actions from earlier meetings', true),
      );
    }
    const text = paragraphs(item.minutes);
    blocks.push(...(text.length > 0 ? text : item.kind === 'matters_arising' ? [] : [para(t('No minutes recorded.'))]));
    const decisions = d.decisions.filter((x) => x.agendaItemId === item.id);
    if (decisions.length > 0) {
      blocks.push({ kind: 'bullets', items: decisions.map((x) => [t('Decision: ', true), t(x.text)]) });
    }
    const actions = d.actions.filter((a) => a.agendaItemId === item.id);
    if (actions.length > 0) {
      blocks.push({
        kind: 'bullets',
        items: actions.map((a) => [
          t(`Action A${a.id}: `, true),
          t(`${a.description} (${owner(a)}${a.dueOn ? `, by ${describeDate(a.dueOn)}` : ''})`),
        ]),
      });
    }
  });
  blocks.push({ kind: 'heading', level: 2, text: 'Decisions' });
  blocks.push(
    d.decisions.length > 0
      ? { kind: 'bullets', items: d.decisions.map((x) => [t(x.text)]) }
      : para(t('No decisions were recorded.')),
  );
  blocks.push({ kind: 'heading', level: 2, text: 'New actions' });
  blocks.push(d.actions.length > 0 ? actionsTable(d.actions, 'Actions from this meeting') : para(t('No new actions.')));
  return blocks;
}

export function minutesTree(d: MeetingDetail, ctx: PaperContext): DocumentTree {
  return {
    meta: meta(`${d.meeting.title}: minutes`, 'Minutes', d, d.meeting.marking, ctx),
    blocks: minutesBlocks(d, ctx.partnershipName),
  };
}

export function actionLogTree(
  actions: readonly Action[],
  ctx: PaperContext & { filterDescription: string; marking: ProtectiveMarking },
): DocumentTree {
  const overdue = actions.filter((a) => a.overdue).length;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Action log' },
    para(t(`Produced on ${describeDate(isoToLondon(ctx.now.toISOString()).date)}. ${ctx.filterDescription}`)),
    para(t(`${actions.length} action${actions.length === 1 ? '' : 's'}, ${overdue} overdue.`, true)),
  ];
  blocks.push(actions.length > 0 ? actionsTable(actions, 'Actions', true) : para(t('No actions match.')));
  const withPs = actions.filter((a) => a.fourPs.length > 0);
  if (withPs.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Actions by the 4 Ps' });
    blocks.push({
      kind: 'table',
      header: ['Ref', '4 Ps'],
      rows: withPs.map((a) => [cell(`A${a.id}`), cell(a.fourPs.map((p) => FOUR_P_LABELS[p]).join(', '))]),
    });
  }
  return { meta: meta('Action log', 'Action log', null, ctx.marking, ctx), blocks };
}

/** The most restrictive of the markings: a pack carrying sensitive minutes is itself sensitive. */
function strongest(...markings: ProtectiveMarking[]): ProtectiveMarking {
  return markings.includes('OFFICIAL-SENSITIVE') ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL';
}

/** Agenda, the previous meeting's minutes and every open action, in one document. */
export function meetingPackTree(
  d: MeetingDetail,
  previous: MeetingDetail | null,
  openActions: readonly Action[],
  ctx: PaperContext,
): DocumentTree {
  const place = { actionsAtEnd: true };
  const blocks: Block[] = [...agendaBlocks(d, ctx.partnershipName, place), { kind: 'pageBreak' }];
  if (previous) blocks.push(...minutesBlocks(previous, ctx.partnershipName, place));
  else {
    blocks.push(
      { kind: 'heading', level: 1, text: 'Minutes of the last meeting' },
      para(t('This is the first meeting of the group, so there are no previous minutes.')),
    );
  }
  blocks.push({ kind: 'pageBreak' }, { kind: 'heading', level: 1, text: 'Open actions' });
  blocks.push(
    openActions.length > 0 ? actionsTable(openActions, 'All open actions', true) : para(t('There are no open actions.')),
  );
  const marking = strongest(d.meeting.marking, ...(previous ? [previous.meeting.marking] : []));
  return { meta: meta(`${d.meeting.title}: meeting pack`, 'Meeting pack', d, marking, ctx), blocks };
}
