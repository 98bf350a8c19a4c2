import type { Database } from 'better-sqlite3';

/** Partner directory rows inserted directly: the directory screens live in another area. */
export function addOrganisation(db: Database, name: string): number {
  const at = new Date().toISOString();
  return Number(
    db.prepare('INSERT INTO organisations (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, at, at).lastInsertRowid,
  );
}

export function addPerson(db: Database, name: string, organisationId: number | null, email = '', ended = false): number {
  const at = new Date().toISOString();
  const id = Number(
    db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, at, at).lastInsertRowid,
  );
  if (organisationId !== null) {
    db.prepare(
      'INSERT INTO posts (person_id, organisation_id, job_title, email, ended_on, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, organisationId, 'Officer', email, ended ? '2025-01-01' : null, at);
  }
  return id;
}
