import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapExampleValues } from '../../../shared/documents/example-values';
import { templateSchema } from '../../../shared/documents/template-schema';
import type { Result } from '../../../shared/result';
import { createTestApp } from '../../helpers/db';

/**
 * The proof: a canary person used in every place the interface allows, erased; then every byte of
 * every file under the data folder (the database with its free pages, the WAL, the erasure
 * ledger) is scanned for the canary's name, email and phone in any case and spacing. The test
 * database is unencrypted, so a raw scan can see what is there.
 */
const NAME = 'Oswin Threlkeld';
const EMAIL = 'o.threlkeld@canary.example';
const PHONE = '01632 960471';
const SECOND_EMAIL = 'oswin.t@partner.example';
const MOBILE = '07700 900471';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const ok = async <T>(channel: string, payload: unknown): Promise<T> => {
  const r: Result<unknown> = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
};

/** Every file under the data folder, as lower-case text with the bytes that are not letters or digits kept. */
function scanDataFolder(dir: string): { file: string; hits: string[] }[] {
  const out: { file: string; hits: string[] }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const bytes = fs.readFileSync(p);
        const texts = [bytes.toString('latin1'), bytes.toString('utf16le')].map((s) => s.toLowerCase());
        const hits: string[] = [];
        const probes: [string, RegExp][] = [
          ['surname', /threlkeld/],
          ['first name + surname', /oswin[\s\S]{0,3}t/],
          ['email', /canary\.example|partner\.example/],
          ['phone', /1\D{0,3}6\D{0,3}3\D{0,3}2\D{0,3}9\D{0,3}6\D{0,3}0\D{0,3}4\D{0,3}7\D{0,3}1/],
          ['mobile', /7\D{0,3}7\D{0,3}0\D{0,3}0\D{0,3}9\D{0,3}0\D{0,3}0\D{0,3}4\D{0,3}7\D{0,3}1/],
        ];
        for (const [what, re] of probes) if (texts.some((t) => re.test(t))) hits.push(what);
        if (hits.length > 0) out.push({ file: path.relative(dir, p), hits });
      }
    }
  };
  walk(dir);
  return out;
}

describe('erasure leaves nothing', () => {
  it('a canary used everywhere is gone from every file under the data folder, free pages included', async () => {
    // Directory: the canary with two posts, and another person whose notes mention them.
    const council = await ok<{ id: number }>('partners.organisations.create', {
      name: 'Northshire County Council',
      sector: 'la-safeguarding',
      membership: 'core',
      pursue: false,
      prevent: false,
      protect: true,
      prepare: false,
      address: '',
      website: '',
      email: '',
      phone: '',
      notes: `Main contact ${NAME} on ${PHONE}`,
    });
    const police = await ok<{ id: number }>('partners.organisations.create', {
      name: 'Northshire Police',
      sector: 'police',
      membership: 'core',
      pursue: true,
      prevent: false,
      protect: false,
      prepare: false,
      address: '',
      website: '',
      email: '',
      phone: '',
      notes: '',
    });
    const personValue = (name: string, notes = '') => ({
      name,
      pronouns: '',
      notes,
      source: '',
      lawfulBasis: '',
      lastVerified: null,
    });
    const post = (organisationId: number, email: string, phone: string) => ({
      organisationId,
      jobTitle: 'Safeguarding Lead',
      email,
      phone,
      isSpoc: true,
      startedOn: null,
    });
    const canary = await ok<{ id: number }>('partners.people.create', {
      value: personValue(NAME, 'Prefers email'),
      post: post(council.id, EMAIL, PHONE),
    });
    await ok('partners.posts.add', { personId: canary.id, value: post(police.id, SECOND_EMAIL, MOBILE) });
    const other = await ok<{ id: number }>('partners.people.create', {
      value: personValue('Keeper Person', `Deputises for DI ${NAME.toUpperCase()} (${EMAIL})`),
      post: post(police.id, 'keeper@police.example', '01632 960000'),
    });
    const detail = await ok<{ posts: { id: number }[] }>('partners.people.get', { id: canary.id });
    const [canaryPost, secondPost] = detail.posts.map((p) => p.id);
    const otherPost = (await ok<{ posts: { id: number }[] }>('partners.people.get', { id: other.id })).posts[0]!.id;

    // A document: the canary in every contact field, free text and the signatories; agreed twice.
    const template = templateSchema.parse(
      JSON.parse(fs.readFileSync('resources/templates/information-sharing-agreement.json', 'utf8')),
    );
    const contactIds = new Map<string, number>();
    const orgIds = new Map<string, number>();
    const lookup = {
      organisations: new Proxy(orgIds, { get: (t, k) => (k === 'get' ? () => council.id : Reflect.get(t, k).bind(t)) }),
      contacts: new Proxy(contactIds, { get: (t, k) => (k === 'get' ? () => canaryPost : Reflect.get(t, k).bind(t)) }),
    };
    const { values } = mapExampleValues(template, lookup);
    const doc = await ok<{ id: number; revision: number }>('documents.create', {
      templateKey: 'information-sharing-agreement',
      title: `Agreement led by ${NAME}`,
    });
    const saved = await ok<{ revision: number }>('documents.update', {
      id: doc.id,
      revision: doc.revision,
      values: {
        ...values,
        owner: canaryPost,
        author: canaryPost,
        approver: secondPost,
        distribution: `Circulated to ${NAME} (${EMAIL}, ${PHONE}) and to\nMr ${NAME.toLowerCase()}`,
        parties: [
          {
            ...(values.parties as Record<string, unknown>[])[0],
            organisation: council.id,
            spoc: canaryPost,
            signatory: canaryPost,
          },
          { ...(values.parties as Record<string, unknown>[])[0], organisation: police.id, spoc: otherPost, signatory: otherPost },
        ],
        retentionSchedule: [],
      },
    });
    await ok('documents.sign', { id: doc.id, contactId: canaryPost, signedOn: '2026-11-01' });
    await ok('documents.setStatus', { id: doc.id, status: 'in_review' });
    await ok('documents.agree', { id: doc.id, note: `Agreed on a call with ${EMAIL}`, agreedBy: NAME });
    await ok('documents.setStatus', { id: doc.id, status: 'draft' });
    const again = await ok<{ revision: number }>('documents.get', { id: doc.id });
    await ok('documents.update', {
      id: doc.id,
      revision: again.revision,
      values: {
        ...values,
        owner: otherPost,
        author: secondPost,
        approver: otherPost,
        parties: [
          { ...(values.parties as Record<string, unknown>[])[0], organisation: police.id, spoc: otherPost, signatory: otherPost },
        ],
        retentionSchedule: [],
        distribution: `Now ${SECOND_EMAIL}`,
      },
    });
    await ok('documents.setStatus', { id: doc.id, status: 'in_review' });
    await ok('documents.agree', { id: doc.id, note: `Phone ${MOBILE}`, agreedBy: `Dr ${NAME}` });
    expect(saved.revision).toBeGreaterThan(0);

    // Meetings: title, location, chair, attendance, deputy, agenda, minutes, papers, actions, updates, decisions, shares.
    const group = await ok<{ id: number }>('meetings.groups.create', { name: 'Operational group', kind: 'operational_group' });
    const meeting = await ok<{ meeting: { id: number } }>('meetings.create', {
      title: `Briefing with ${NAME}`,
      groupId: group.id,
      type: 'operational_group',
      startsAt: '2026-11-02T10:00:00+00:00',
      endsAt: '2026-11-02T11:00:00+00:00',
      location: `${NAME}'s office, call ${PHONE}`,
      onlineLink: '',
      chairPersonId: canary.id,
      minuteTakerPersonId: canary.id,
      marking: 'OFFICIAL',
      status: 'held',
    });
    const meetingId = meeting.meeting.id;
    const attendance = await ok<{ id: number; personId: number }[]>('meetings.attendance.invite', {
      meetingId,
      personIds: [canary.id, other.id],
    });
    const otherAttendance = attendance.find((a) => a.personId === other.id)!;
    await ok('meetings.attendance.mark', {
      id: otherAttendance.id,
      status: 'deputy',
      deputyPersonId: canary.id,
      deputyName: NAME,
    });
    const items = await ok<{ id: number; title: string; version: number }[]>('meetings.agenda.add', {
      meetingId,
      title: `Update from ${NAME}`,
      leadPersonId: canary.id,
      minutesAllowed: 10,
    });
    const item = items.find((i) => i.title.startsWith('Update from'))!;
    // Minutes saved several times: the earlier texts end up in free pages unless they are cleared.
    for (let i = 0; i < 5; i++)
      await ok('meetings.agenda.update', {
        id: item.id,
        version: item.version + i,
        title: `Update from ${NAME}`,
        leadPersonId: canary.id,
        minutesAllowed: 10,
        minutes: `${'Draft '.repeat(200)}${i}: ${NAME.toLowerCase()} reported; contact ${EMAIL.toUpperCase()} or 0163 296 0471.`,
      });
    await ok('meetings.agenda.addPaper', {
      agendaItemId: item.id,
      kind: 'link',
      title: `${NAME} briefing note`,
      url: 'https://example.org/briefing',
    });
    const action = await ok<{ id: number }>('meetings.actions.create', {
      meetingId,
      description: `Ring ${NAME} on +44 1632 960471`,
      ownerOrganisationId: council.id,
      ownerPersonId: canary.id,
      dueOn: '2026-12-01',
      status: 'open',
    });
    await ok('meetings.actions.addUpdate', { actionId: action.id, notedOn: '2026-11-10', note: `Emailed ${EMAIL}` });
    await ok('meetings.decisions.create', { meetingId, text: `Agreed that ${NAME} leads the review` });
    await ok('meetings.share.create', {
      meetingId,
      information: `Referral details held by ${NAME}`,
      purpose: `So that ${NAME} can safeguard the victim`,
      recipients: `${NAME} <${EMAIL}>`,
      sharedOn: '2026-11-03',
      justification: 'Vital interests',
      consentSought: false,
      noConsentReason: `${NAME} judged it unsafe to ask`,
      decidedBy: `DS ${NAME}`,
    });

    // Settings name the canary as coordinator.
    await ok('settings.update', {
      name: 'Northshire Modern Slavery Partnership',
      area: 'Northshire',
      coordinatorName: NAME,
      coordinatorEmail: EMAIL,
      defaultMarking: 'OFFICIAL',
      version: 1,
    });
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(scanDataFolder(app.dataDir).length).toBeGreaterThan(0);

    const preview = await ok<{ matches: unknown[]; links: unknown[]; occurrences: number }>('partners.people.erasurePreview', {
      id: canary.id,
    });
    expect(preview.matches.length).toBeGreaterThan(20);

    await ok('partners.people.erase', { id: canary.id, confirmName: NAME });

    expect(scanDataFolder(app.dataDir)).toEqual([]);
    // What was kept is still there, with neutral placeholders where the canary was.
    const kept = await ok<{ notes: string }>('partners.people.get', { id: other.id });
    expect(kept.notes).toBe('Deputises for [erased person] ([erased email])');
    const m = await ok<{ meeting: { title: string; location: string; chairPersonId: number | null } }>('meetings.get', {
      id: meetingId,
    });
    expect(m.meeting).toMatchObject({ title: 'Briefing with [erased person]', chairPersonId: null });
    expect(m.meeting.location).toBe("[erased person]'s office, call [erased phone]");
  });
});
