import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { DirectoryContact, DirectoryOrganisation, ResolveContext } from '../../shared/documents/resolve';
import type { Template } from '../../shared/documents/template-schema';
import { templateSchema } from '../../shared/documents/template-schema';

export const SAMPLE_PATH = path.resolve('tests/fixtures/templates/sample-isa.json');

export function sampleTemplate(): Template {
  return templateSchema.parse(JSON.parse(fs.readFileSync(SAMPLE_PATH, 'utf8')));
}

export const ORGS: DirectoryOrganisation[] = [
  { id: 1, name: 'Northshire Police', sector: 'police' },
  { id: 2, name: 'Northshire County Council', sector: 'local-authority' },
];
export const CONTACTS: DirectoryContact[] = [
  {
    id: 1,
    name: 'Alex Morgan',
    jobTitle: 'Detective Inspector',
    organisation: 'Northshire Police',
    organisationId: 1,
    email: 'alex.morgan@police.example',
    phone: '01234 567890',
  },
  {
    id: 2,
    name: 'Jo Williams',
    jobTitle: 'Head of Safeguarding',
    organisation: 'Northshire County Council',
    organisationId: 2,
    email: 'jo.williams@council.example',
    phone: '01234 000111',
  },
];

export function sampleContext(overrides: Partial<ResolveContext> = {}): ResolveContext {
  return {
    partnership: {
      name: 'Northshire Anti-Slavery Partnership',
      area: 'Northshire',
      coordinatorName: 'Pat Coordinator',
      coordinatorEmail: 'pat@example.org',
    },
    document: { title: 'Northshire ISA', version: '1.0', date: '2026-10-05', marking: 'OFFICIAL-SENSITIVE' },
    directory: {
      organisations: new Map(ORGS.map((o) => [o.id, o])),
      contacts: new Map(CONTACTS.map((c) => [c.id, c])),
    },
    ...overrides,
  };
}

/** Insert organisations, people and current posts straight into the directory tables (the partners area owns their screens). */
export function seedDirectory(db: Database): { orgs: number[]; contacts: number[] } {
  const now = new Date().toISOString();
  const org = db.prepare('INSERT INTO organisations (name, sector, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const person = db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)');
  const post = db.prepare(
    'INSERT INTO posts (person_id, organisation_id, job_title, email, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const orgs = ORGS.map((o) => Number(org.run(o.name, o.sector, now, now).lastInsertRowid));
  const contacts = CONTACTS.map((c, i) => {
    const p = Number(person.run(c.name, now, now).lastInsertRowid);
    return Number(post.run(p, orgs[i], c.jobTitle, c.email, c.phone, now).lastInsertRowid);
  });
  return { orgs, contacts };
}
