import type { Database } from 'better-sqlite3';
import { personIndexRow, writeIndexRow } from '../main/partners/search-index';
import { SECTORS, sectorLabel } from '../shared/partners/sectors';
import type { Scale } from './scale';

const FIRST = [
  'Amelia',
  'Oliver',
  'Priya',
  'Mohammed',
  'Siobhán',
  'Gareth',
  'Aisha',
  'Tomás',
  'Chloe',
  'Daniel',
  'Fatima',
  'Harry',
  'Grace',
  'Kwame',
  'Emily',
  'Jack',
  'Zainab',
  'Rhys',
  'Sophie',
  'Liam',
  'Ngozi',
  'Ewan',
  'Hannah',
  'Arjun',
  'Isla',
  'Callum',
  'Megan',
  'Yusuf',
  'Eilidh',
  'Connor',
  'Olivia',
  'Rajesh',
  'Bethan',
  'Kieran',
  'Maryam',
  'George',
  'Niamh',
  'Samuel',
  'Ayesha',
  'Thomas',
  'Lucy',
  'Dariusz',
  'Agnieszka',
  'Femi',
  'Rebecca',
  'Owen',
  'Jasmine',
  'Patrick',
  'Leah',
  'Ahmed',
];
const LAST = [
  'Smith',
  'Jones',
  'Williams',
  'Taylor',
  'Brown',
  'Davies',
  'Evans',
  'Wilson',
  'Thomas',
  'Johnson',
  'Roberts',
  'Robinson',
  'Thompson',
  'Wright',
  'Walker',
  'White',
  'Edwards',
  'Hughes',
  'Green',
  'Hall',
  'Lewis',
  'Harris',
  'Clarke',
  'Patel',
  'Jackson',
  'Wood',
  'Turner',
  'Martin',
  'Cooper',
  'Hill',
  'Ward',
  'Morris',
  'Moore',
  'Clark',
  'Lee',
  'King',
  'Baker',
  'Harrison',
  'Morgan',
  'Allen',
  'Khan',
  'Ahmed',
  'Ali',
  'Singh',
  'Murphy',
  "O'Brien",
  'Kowalski',
  'Nowak',
  'Okafor',
  'Mensah',
  'MacDonald',
  'Campbell',
  'Stewart',
  'Ó Ceallaigh',
  'Nguyen',
  'Begum',
  'Hussain',
  'Shah',
  'Reid',
  'Fraser',
];
const PLACES = [
  'Northshire',
  'Ashford',
  'Castlebridge',
  'Eastmoor',
  'Fenwick',
  'Greyhaven',
  'Holmbury',
  'Kingsmere',
  'Lowfield',
  'Marlow Vale',
  'Newbrook',
  'Oakhampton',
  'Penrith Cross',
  'Queensbury',
  'Redcliffe',
  'Southwold',
  'Thornby',
  'Upton',
  'Westerham',
  'Yarmouth Bay',
];
const TYPES: Record<string, string[]> = {
  police: ['Police', 'Constabulary'],
  pcc: ["Police and Crime Commissioner's Office"],
  'la-community-safety': ['Council Community Safety Team'],
  'la-safeguarding': ['Council Adult Safeguarding', "Council Children's Services"],
  'la-housing': ['Council Housing Services'],
  'la-licensing': ['Council Licensing'],
  'la-environmental-health': ['Council Environmental Health'],
  'la-trading-standards': ['Trading Standards'],
  'la-planning': ['Council Planning'],
  nhs: ['NHS Foundation Trust', 'Integrated Care Board', 'GP Federation', 'Ambulance Service'],
  fire: ['Fire and Rescue Service'],
  'ngo-local': ['Refuge', 'Migrant Support Centre', 'Community Trust', 'Food Bank'],
  'ngo-national': ['Red Cross Branch', 'Anti-Trafficking Project'],
  business: ['Chamber of Commerce', 'Logistics Ltd', 'Farms Ltd', 'Hand Car Wash Association'],
  faith: ['Churches Together', 'Mosque', 'Gurdwara', 'Interfaith Forum'],
  education: ['College', 'University'],
};
const TITLES = [
  'Detective Inspector, Modern Slavery',
  'Modern Slavery Coordinator',
  'Safeguarding Lead',
  'Community Safety Officer',
  'Housing Officer',
  'Environmental Health Officer',
  'Licensing Officer',
  'Trading Standards Officer',
  'Head of Safeguarding',
  'Outreach Worker',
  'Caseworker',
  'Named Nurse for Safeguarding',
  'Station Manager',
  'Labour Abuse Prevention Officer',
  'Compliance Manager',
  'Policy Officer',
  'Partnership Manager',
  'Chief Executive',
  'Volunteer Coordinator',
  'Analyst',
  'Detective Sergeant',
  'Police Constable',
  'Team Manager',
  'Senior Practitioner',
  'Victim Navigator',
];
const domain = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
const asciiName = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** The partner directory at the given scale: organisations, people with current and past posts, and the search index. */
export function seedPartners(db: Database, scale: Scale, random: () => number): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const t = '2025-01-01T00:00:00.000Z';
  const insertOrg = db.prepare(
    `INSERT INTO organisations (name, sector, membership, email, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPerson = db.prepare(
    'INSERT INTO people (name, source, last_verified, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertPost = db.prepare(
    `INSERT INTO posts (person_id, organisation_id, job_title, email, phone, is_spoc, started_on, ended_on, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const memberships = ['core', 'core', 'associate', 'associate', 'observer', 'former'];
  const sectorKeys = SECTORS.map((s) => s.key);
  const orgs: { id: number; domain: string; spoc: boolean }[] = [];
  for (let i = 0; i < scale.organisations; i++) {
    const sector = pick(sectorKeys);
    const type = pick(TYPES[sector] ?? ['Partnership Network', 'Services']);
    const name = `${pick(PLACES)} ${type}${i >= PLACES.length * 4 ? ` ${Math.floor(i / 20) + 1}` : ''}`;
    const d = domain(`${name}${i}`);
    const id = Number(
      insertOrg.run(name, sector, pick(memberships), `enquiries@${d}`, `01632 ${String(100000 + i).slice(-6)}`, t, t)
        .lastInsertRowid,
    );
    orgs.push({ id, domain: d, spoc: false });
  }
  for (let i = 0; i < scale.contacts; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const verifiedDaysAgo = Math.floor(random() * 900);
    const verified =
      random() < 0.1 ? null : new Date(Date.UTC(2026, 10, 1) - verifiedDaysAgo * 86_400_000).toISOString().slice(0, 10);
    const personId = Number(
      insertPerson.run(
        `${first} ${last}`,
        pick(['Partnership meeting', 'Outlook import', 'Referral', 'Training day']),
        verified,
        t,
        t,
      ).lastInsertRowid,
    );
    const org = orgs[Math.floor(random() * orgs.length)]!;
    const spoc = !org.spoc && random() < 0.5;
    if (spoc) org.spoc = true;
    const email = `${asciiName(first)}.${asciiName(last)}${i}@${org.domain}`;
    insertPost.run(
      personId,
      org.id,
      pick(TITLES),
      email,
      `07700 ${String(900000 + (i % 100000)).slice(-6)}`,
      spoc ? 1 : 0,
      '2023-04-01',
      null,
      t,
    );
    if (random() < 0.2) {
      const old = orgs[Math.floor(random() * orgs.length)]!;
      insertPost.run(
        personId,
        old.id,
        pick(TITLES),
        `${asciiName(first)}${i}@${old.domain}`,
        '',
        0,
        '2019-01-01',
        '2023-03-31',
        t,
      );
    }
  }
  // The same rows the repositories write, built in bulk.
  const orgRow = db.prepare('SELECT id, name, sector, email FROM organisations');
  for (const o of orgRow.all() as { id: number; name: string; sector: string; email: string }[]) {
    writeIndexRow(
      db,
      -o.id,
      {
        name: o.name,
        titles: '',
        organisations: '',
        emails: o.email,
        detail: sectorLabel(o.sector),
        email: o.email,
        archived: false,
      },
      { isNew: true },
    );
  }
  const people = db
    .prepare(
      `SELECT p.id, p.name, po.job_title AS jobTitle, o.name AS organisation, po.email FROM people p
         LEFT JOIN posts po ON po.person_id = p.id AND po.ended_on IS NULL LEFT JOIN organisations o ON o.id = po.organisation_id
        ORDER BY p.id, po.id`,
    )
    .all() as { id: number; name: string; jobTitle: string | null; organisation: string | null; email: string | null }[];
  let k = 0;
  while (k < people.length) {
    const id = people[k]!.id;
    const posts: { jobTitle: string; organisation: string; email: string }[] = [];
    const name = people[k]!.name;
    for (; k < people.length && people[k]!.id === id; k++) {
      const r = people[k]!;
      if (r.organisation !== null) posts.push({ jobTitle: r.jobTitle ?? '', organisation: r.organisation, email: r.email ?? '' });
    }
    writeIndexRow(db, id, personIndexRow(name, false, posts), { isNew: true });
  }
}
