import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentTree } from '../../../shared/documents/tree';
import type { Action, MeetingDetail } from '../../../shared/meetings/model';
import { actionLogTree, agendaTree, meetingPackTree, minutesTree } from '../../../shared/meetings/papers';
import { createTestApp, tempDir } from '../../helpers/db';
import { addOrganisation, addPerson } from './fixtures';

let app: ReturnType<typeof createTestApp>;
let first: MeetingDetail;
let second: MeetingDetail;
const ctx = {
  partnershipName: 'Northshire Anti-Slavery Partnership',
  coordinatorName: 'Sam',
  now: new Date('2026-06-01T12:00:00Z'),
};

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

const headings = (t: DocumentTree) =>
  t.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.text);
const tables = (t: DocumentTree) => t.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const text = (t: DocumentTree) => JSON.stringify(t.blocks);

beforeAll(async () => {
  app = createTestApp();
  const org = addOrganisation(app.db, 'Northshire Police');
  const asha = addPerson(app.db, 'Asha Patel', org, 'asha@police.example');
  addPerson(app.db, 'Ben Cole', org, 'ben@police.example');
  const g = await ok<{ id: number }>('meetings.groups.create', { name: 'Strategic Board', kind: 'strategic_board' });
  const make = (startsAt: string, endsAt: string, marking = 'OFFICIAL') =>
    ok<MeetingDetail>('meetings.create', {
      title: 'Strategic Board',
      groupId: g.id,
      type: 'strategic_board',
      startsAt,
      endsAt,
      location: 'Town Hall',
      onlineLink: '',
      chairPersonId: asha,
      minuteTakerPersonId: null,
      marking,
      status: 'planned',
    });
  first = await make('2026-03-04T10:00:00+00:00', '2026-03-04T12:00:00+00:00', 'OFFICIAL-SENSITIVE');
  const items = await ok<{ id: number; title: string; version: number }[]>('meetings.agenda.add', {
    meetingId: first.meeting.id,
    title: 'Labour exploitation at car washes',
    leadPersonId: asha,
    minutesAllowed: 20,
  });
  const item = items.find((i) => i.title.startsWith('Labour'))!;
  await ok('meetings.agenda.update', {
    id: item.id,
    version: item.version,
    title: 'Labour exploitation at car washes',
    leadPersonId: asha,
    minutesAllowed: 20,
    minutes: 'The police described three visits.\n\nPartners agreed a joint approach.',
  });
  const invited = await ok<{ id: number }[]>('meetings.attendance.invite', { meetingId: first.meeting.id, organisationId: org });
  await ok('meetings.attendance.mark', { id: invited[0]!.id, status: 'attended' });
  await ok('meetings.attendance.mark', { id: invited[1]!.id, status: 'deputy', deputyName: 'Chris Day' });
  await ok('meetings.decisions.create', {
    meetingId: first.meeting.id,
    agendaItemId: item.id,
    text: 'Run a joint visit in April',
  });
  await ok<Action>('meetings.actions.create', {
    meetingId: first.meeting.id,
    agendaItemId: item.id,
    description: 'Share the list of car washes with trading standards',
    ownerOrganisationId: org,
    ownerPersonId: asha,
    dueOn: '2026-04-01',
    status: 'open',
    fourPs: ['pursue'],
  });
  first = await ok<MeetingDetail>('meetings.get', { id: first.meeting.id });
  second = await make('2026-06-10T10:00:00+01:00', '2026-06-10T12:00:00+01:00');
});
afterAll(() => app.cleanup());

describe('meeting papers as document trees', () => {
  it('agenda: numbered items with lead and time, and open actions under matters arising', () => {
    const t = agendaTree(second, ctx);
    expect(t.meta).toMatchObject({ title: 'Strategic Board: agenda', marking: 'OFFICIAL', date: '2026-06-10' });
    expect(t.meta.subtitle).toBe('Wednesday 10 June 2026, 10:00 to 12:00');
    const [agenda, arising] = tables(t);
    expect(agenda!.header).toEqual(['No.', 'Item', 'Lead', 'Time']);
    expect(agenda!.rows.map((r) => r[1]![0]!.text)).toEqual([
      'Welcome and apologies',
      'Minutes of the last meeting',
      'Matters arising',
      'Any other business',
      'Date of next meeting',
    ]);
    expect(headings(t)).toContain('Matters arising: open actions');
    expect(JSON.stringify(arising)).toContain('Share the list of car washes with trading standards');
  });

  it('minutes: attendance table, minutes per item, decisions and new actions', () => {
    const t = minutesTree(first, ctx);
    expect(t.meta.marking).toBe('OFFICIAL-SENSITIVE');
    expect(headings(t)).toEqual([
      'Strategic Board: minutes',
      'Attendance',
      '1. Welcome and apologies',
      '2. Minutes of the last meeting',
      '3. Matters arising',
      '4. Labour exploitation at car washes',
      '5. Any other business',
      '6. Date of next meeting',
      'Decisions',
      'New actions',
    ]);
    const [attendance] = tables(t);
    expect(attendance!.rows.map((r) => r.map((c) => c[0]!.text))).toEqual([
      ['Asha Patel', 'Northshire Police', 'Attended'],
      ['Ben Cole', 'Northshire Police', 'Sent a deputy: Chris Day'],
    ]);
    expect(text(t)).toContain('Partners agreed a joint approach.');
    expect(text(t)).toContain('Run a joint visit in April');
    const actions = tables(t).at(-1)!;
    expect(actions.header).toEqual(['Ref', 'Action', 'Owner', 'Due', 'Status']);
    expect(actions.rows[0]!.map((c) => c[0]!.text)).toEqual([
      expect.stringMatching(/^A\d+$/),
      'Share the list of car washes with trading standards',
      'Asha Patel, Northshire Police',
      '1 April 2026',
      expect.stringMatching(/^Open/),
    ]);
  });

  it('action log marks overdue actions', () => {
    const overdue = { ...first.actions[0]!, overdue: true };
    const t = actionLogTree([overdue], { ...ctx, marking: 'OFFICIAL', filterDescription: 'All actions.' });
    expect(text(t)).toContain('1 action, 1 overdue.');
    expect(tables(t)[0]!.rows[0]![4]).toEqual([{ text: 'Open (overdue)', bold: true }]);
    expect(headings(t)).toContain('Actions by the 4 Ps');
  });

  it('meeting pack: agenda, the previous minutes and open actions, with the stronger marking', () => {
    const t = meetingPackTree(second, first, first.actions, ctx);
    expect(t.meta.marking).toBe('OFFICIAL-SENSITIVE');
    expect(headings(t)).toEqual(expect.arrayContaining(['Strategic Board: agenda', 'Strategic Board: minutes', 'Open actions']));
    expect(t.blocks.filter((b) => b.kind === 'pageBreak')).toHaveLength(2);
    const lone = meetingPackTree(first, null, [], ctx);
    expect(text(lone)).toContain('there are no previous minutes');
  });
});

const soffice = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
})();

describe('meeting papers in Word', () => {
  it('minutes read back with headings, attendance and the action', async () => {
    const r = await app.dispatch('meetings.export.minutes', { meetingId: first.meeting.id });
    expect(r.ok).toBe(true);
    const file = app.saved.at(-1)!;
    expect(file.name).toBe('Strategic Board 2026-03-04 minutes.docx');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(file.bytes) })).value;
    expect(html).toContain('Strategic Board: minutes');
    expect(html).toMatch(/<table>.*Asha Patel.*Sent a deputy: Chris Day/s);
    expect(html).toContain('Share the list of car washes with trading standards');
  });

  it('the pack and the action log export too', async () => {
    expect((await app.dispatch('meetings.export.pack', { meetingId: second.meeting.id })).ok).toBe(true);
    const pack = (await mammoth.extractRawText({ buffer: Buffer.from(app.saved.at(-1)!.bytes) })).value;
    expect(pack).toContain('Open actions');
    expect(pack).toContain('Share the list of car washes with trading standards');
    expect((await app.dispatch('meetings.export.actionLog', { overdueOnly: false })).ok).toBe(true);
    expect((await app.dispatch('meetings.export.agenda', { meetingId: second.meeting.id })).ok).toBe(true);
  });

  it.skipIf(!soffice)(
    'LibreOffice converts the minutes to PDF',
    async () => {
      await app.dispatch('meetings.export.minutes', { meetingId: first.meeting.id });
      const dir = tempDir('concordat-soffice-');
      try {
        const docx = path.join(dir, 'minutes.docx');
        fs.writeFileSync(docx, app.saved.at(-1)!.bytes);
        execFileSync(
          soffice,
          [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
          {
            timeout: 120_000,
          },
        );
        const pdf = fs.readFileSync(path.join(dir, 'minutes.pdf'));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
