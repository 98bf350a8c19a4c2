import type { Database } from 'better-sqlite3';
import type { ExampleRecords } from '../../shared/examples/example-records';
import { exampleNames, mapExampleValues } from '../../shared/documents/example-values';
import { addDaysToDate, londonToday } from '../../shared/meetings/time';
import { findByName, organisationIdByName, personIdByName } from '../partners/directory-api';
import { agree, createDocument, setStatus, sign, updateDocument } from '../documents/service';
import { getTemplate } from '../documents/templates';
import {
  createAction,
  createGroup,
  createMeeting,
  createShareDecision,
  invite,
  listAttendance,
  markAttendance,
} from '../meetings/repository';
import { log } from '../logger';
import { addDelegateCount, addRecord, courseKeyId } from '../toolkit/training';
import { addLinkResource, seedCatalogue, updateResourceNotes } from '../toolkit/resources';

const DAY = 86_400_000;

/**
 * Add the example partnership's working records through each area's own functions. Runs once:
 * if the example board already exists nothing is added. Returns how many records were added.
 */
export function loadExampleRecords(db: Database, r: ExampleRecords, now = new Date()): number {
  if (db.prepare('SELECT 1 FROM meeting_groups WHERE name = ? COLLATE NOCASE').get(r.group.name)) return 0;
  const person = (n: string) => personIdByName(db, n);
  const org = (n: string) => organisationIdByName(db, n);
  const today = londonToday(now);
  let added = 0;

  const group = createGroup(db, r.group.name, r.group.kind);
  const meetingIds = r.meetings.map((m) => {
    const start = new Date(now.getTime() - m.daysAgo * DAY);
    start.setUTCHours(10, 0, 0, 0);
    const id = createMeeting(db, {
      title: m.title,
      groupId: group.id,
      type: r.group.kind,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      location: m.location,
      onlineLink: '',
      chairPersonId: person(m.chair),
      minuteTakerPersonId: null,
      marking: 'OFFICIAL',
      status: m.daysAgo > 0 ? 'held' : 'planned',
    });
    const invited = Object.keys(m.attendance)
      .map(person)
      .filter((x): x is number => x !== null);
    invite(db, id, invited, null);
    for (const a of listAttendance(db, id)) {
      const status = Object.entries(m.attendance).find(([n]) => person(n) === a.personId)?.[1];
      if (status && status !== 'invited') markAttendance(db, { id: a.id, status, deputyPersonId: null, deputyName: '' });
    }
    added++;
    return id;
  });

  for (const a of r.actions) {
    createAction(
      db,
      {
        meetingId: meetingIds[a.meeting] ?? null,
        agendaItemId: null,
        description: a.description,
        ownerOrganisationId: org(a.owner),
        ownerPersonId: null,
        dueOn: addDaysToDate(today, a.dueInDays),
        status: a.status,
        fourPs: [],
      },
      now,
    );
    added++;
  }

  for (const s of r.shareDecisions) {
    createShareDecision(db, {
      meetingId: null,
      information: s.information,
      purpose: s.purpose,
      recipients: s.recipients,
      sharedOn: addDaysToDate(today, -s.daysAgo),
      justification: s.justification,
      consentSought: true,
      noConsentReason: '',
      decidedBy: '',
    });
    added++;
  }

  for (const d of r.documents) {
    let template;
    try {
      template = getTemplate(db, d.templateKey).template;
    } catch {
      log.warn(`example partnership: template ${d.templateKey} is not available; its document was left out`);
      continue;
    }
    const names = exampleNames(template);
    const found = findByName(db, names.organisations, names.contacts);
    const { values } = mapExampleValues(template, {
      organisations: new Map(found.organisations.map((o) => [o.name, o.id])),
      contacts: new Map(found.contacts.map((c) => [c.name, c.id])),
    });
    const doc = createDocument(db, { templateKey: d.templateKey, title: d.title });
    updateDocument(db, { id: doc.id, revision: doc.revision, values, reviewDate: addDaysToDate(today, d.reviewInDays) });
    try {
      setStatus(db, doc.id, 'in_review');
      agree(db, doc.id, 'Agreed by the board (example).', 'Partnership board', { acknowledgeStale: true });
    } catch (error) {
      log.warn(`example partnership: ${d.title} could not be agreed and stays a draft`, error);
      continue;
    }
    const signedOn = addDaysToDate(today, -30);
    const contacts = new Map(found.contacts.map((c) => [c.name.toLowerCase(), c.id]));
    for (const n of d.signedBy) {
      const contactId = contacts.get(n.toLowerCase());
      if (contactId !== undefined) sign(db, doc.id, contactId, signedOn);
    }
    added++;
  }

  for (const t of r.training) {
    const p = person(t.person);
    const c = courseKeyId(db, t.course);
    if (p === null || c === null) continue;
    addRecord(db, { personId: p, courseId: c, trainedOn: addDaysToDate(today, -t.daysAgo) });
    added++;
  }
  for (const t of r.delegateCounts) {
    const o = org(t.organisation);
    const c = courseKeyId(db, t.course);
    if (o === null || c === null) continue;
    addDelegateCount(db, { organisationId: o, courseId: c, trainedOn: addDaysToDate(today, -t.daysAgo), delegates: t.delegates });
    added++;
  }

  seedCatalogue(db, undefined, now);
  const byKey = db.prepare('SELECT id FROM toolkit_resources WHERE catalogue_key = ? AND deleted_at IS NULL').pluck();
  for (const n of r.resourceNotes) {
    const id = byKey.get(n.key) as number | undefined;
    if (id === undefined) continue;
    updateResourceNotes(db, id, n.notes);
    added++;
  }
  for (const res of r.resources) {
    addLinkResource(
      db,
      { ...res, year: null, audience: ['partnership'], notes: 'Example record: invented for the example partnership.' },
      now,
    );
    added++;
  }
  return added;
}
