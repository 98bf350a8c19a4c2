import type { Database } from 'better-sqlite3';
import { buildMatcher } from '../../shared/privacy/matcher';
import type { SubjectAccessData } from '../../shared/privacy/subject-access';
import { getSettings } from '../settings/repository';
import { matchTermsFor, personUid, previewErasure } from '../partners/erasure';
import { allPersonIds } from '../partners/directory-api';
import { getPersonDetail } from '../partners/people';
import { listBackups } from './backups';

const OTHER = { name: '[another person]', email: '[another person’s email]', phone: '[another person’s phone]' };

/**
 * Everything held about a person: the directory record and posts (the partners area's API), and
 * what each area's erasure hook finds linked to them or naming them, in full. With redactOthers,
 * other people in the directory who are named alongside them are replaced.
 */
export function collectSubjectAccess(
  db: Database,
  dataDir: string,
  personId: number,
  { redactOthers = false, now = new Date() } = {},
): SubjectAccessData {
  const person = getPersonDetail(db, personId);
  const found = previewErasure(db, personId, { fullText: true });
  const settings = getSettings(db);
  let redact = (s: string) => s;
  if (redactOthers) {
    const others = allPersonIds(db).filter((id) => id !== personId);
    const terms = others.map((id) => matchTermsFor(db, id));
    const own = matchTermsFor(db, personId);
    const notOwn = (xs: string[], mine: readonly string[]) =>
      xs.filter((x) => !mine.some((m) => m.toLowerCase() === x.toLowerCase()));
    const matcher = buildMatcher(
      {
        names: notOwn(
          terms.flatMap((t) => t.names),
          own.names,
        ),
        emails: notOwn(
          terms.flatMap((t) => t.emails),
          own.emails,
        ),
        phones: notOwn(
          terms.flatMap((t) => t.phones),
          own.phones,
        ),
      },
      OTHER,
    );
    redact = (s) => matcher.scrub(s);
  }
  return {
    generatedAt: now.toISOString(),
    partnershipName: settings.name,
    coordinatorName: settings.coordinatorName,
    redactedOthers: redactOthers,
    person: {
      uid: personUid(db, personId),
      name: person.name,
      pronouns: person.pronouns,
      notes: redact(person.notes),
      source: person.source,
      lawfulBasis: person.lawfulBasis,
      lastVerified: person.lastVerified,
      archivedAt: person.archivedAt,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    },
    posts: person.posts.map((p) => ({
      organisation: p.organisationName,
      jobTitle: p.jobTitle,
      email: p.email,
      phone: p.phone,
      isSpoc: p.isSpoc,
      startedOn: p.startedOn,
      endedOn: p.endedOn,
    })),
    linked: found.links
      .filter((l) => l.area !== 'partners')
      .map((l) => ({
        area: l.area,
        kind: redact(l.kind),
        record: redact(l.record),
        createdAt: l.createdAt,
        updatedAt: l.updatedAt,
      })),
    mentions: found.matches.map((m) => ({
      area: m.area,
      record: redact(m.record),
      field: m.label,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      text: redact(m.text ?? m.snippets.join('\n')),
    })),
    backups: listBackups(dataDir),
  };
}
