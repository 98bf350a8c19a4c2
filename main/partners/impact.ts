import type { Database } from 'better-sqlite3';
import { STATUS_LABELS } from '../../shared/contract/documents';
import type { ImpactItem, RemovalImpact } from '../../shared/directory/types';
import { documentsNamingContacts, documentsWithParty } from '../documents/repository';
import { openActionsOwnedBy, upcomingMeetingsFor } from '../meetings/repository';
import { getSettings } from '../settings/repository';
import { getDirectoryPerson, getOrganisation, personTraces } from './directory-api';

const due = (dueOn: string | null) => (dueOn ? `Open action, due ${dueOn}` : 'Open action, no due date');
const when = (startsAt: string) => `Upcoming meeting on ${startsAt.slice(0, 10)} at ${startsAt.slice(11, 16)}`;

/**
 * What archiving an organisation affects: agreed and in-review documents where it is a party (an
 * archived organisation no longer shows in pickers), the open actions it owns and the upcoming
 * meetings its people are invited to. Reads only; documents and meetings are read through their
 * own repositories.
 */
export function organisationImpact(db: Database, organisationId: number, now = new Date()): RemovalImpact {
  const org = getOrganisation(db, organisationId);
  const items: ImpactItem[] = [
    ...documentsWithParty(db, organisationId, ['agreed', 'in_review']).map((d) => ({
      kind: 'document' as const,
      id: d.id,
      title: d.title,
      detail: `${STATUS_LABELS[d.status]}, a party. It keeps naming ${org.name}, but it can no longer be picked.`,
    })),
    ...openActionsOwnedBy(db, { organisationId }).map((a) => ({
      kind: 'action' as const,
      id: a.id,
      title: a.description,
      detail: `${due(a.dueOn)}, owned by ${org.name}`,
    })),
    ...upcomingMeetingsFor(db, { organisationId }, now).map((m) => ({
      kind: 'meeting' as const,
      id: m.id,
      title: m.title,
      detail: `${when(m.startsAt)}, people from ${org.name} invited`,
    })),
  ];
  return { subject: org.name, items };
}

/**
 * What erasing a person affects: drafts (and documents in review) whose form names them as author,
 * owner, approver, a SPOC or a signatory, the open actions they own, meetings they are invited to,
 * and whether Settings names them as the coordinator.
 */
export function personImpact(db: Database, personId: number, now = new Date()): RemovalImpact {
  const person = getDirectoryPerson(db, personId);
  const postIds = personTraces(db, personId).posts.map((p) => p.id);
  const items: ImpactItem[] = [
    ...documentsNamingContacts(db, postIds, ['draft', 'in_review']).map((d) => ({
      kind: 'document' as const,
      id: d.id,
      title: d.title,
      detail: `${STATUS_LABELS[d.status]}, names them as ${d.fields.join(', ')}. Those fields will be left empty.`,
    })),
    ...openActionsOwnedBy(db, { personId }).map((a) => ({
      kind: 'action' as const,
      id: a.id,
      title: a.description,
      detail: `${due(a.dueOn)}, owned by them. It will have no owner.`,
    })),
    ...upcomingMeetingsFor(db, { personId }, now).map((m) => ({
      kind: 'meeting' as const,
      id: m.id,
      title: m.title,
      detail: `${when(m.startsAt)}; they will leave the attendance list.`,
    })),
  ];
  if (getSettings(db).coordinatorPersonId === personId) {
    items.push({
      kind: 'settings',
      id: null,
      title: 'Partnership coordinator',
      detail: 'Settings names them as the coordinator; pickers will no longer offer the coordinator.',
    });
  }
  return { subject: person.name, items };
}
