import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database';
import { migrations } from '../../../main/store/migrations';
import { UUID_V7_PATTERN } from '../../../shared/ids';
import { tempDir } from '../../helpers/db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('migration 0005 (privacy)', () => {
  it('gives existing people a unique UUIDv7 uid and a version, and new rows get one too', () => {
    const dir = tempDir();
    dirs.push(dir);
    const before = openDatabase(dir, { migrations: migrations.filter((m) => m.version < 5) });
    const at = '2026-01-01T00:00:00Z';
    const insert = before.prepare('INSERT INTO people (name, notes, created_at, updated_at) VALUES (?, ?, ?, ?)');
    for (const name of ['Ann One', 'Bea Two', 'Cat Three']) insert.run(name, `notes of ${name}`, at, at);
    const rowsBefore = before.prepare('SELECT id, name, notes FROM people ORDER BY id').all();
    before.close();

    const db = openDatabase(dir);
    try {
      const rows = db.prepare('SELECT id, name, notes, uid, version FROM people ORDER BY id').all() as {
        id: number;
        name: string;
        notes: string;
        uid: string;
        version: number;
      }[];
      expect(rows.map(({ id, name, notes }) => ({ id, name, notes }))).toEqual(rowsBefore);
      for (const r of rows) {
        expect(r.uid).toMatch(UUID_V7_PATTERN);
        expect(r.version).toBe(1);
      }
      expect(new Set(rows.map((r) => r.uid)).size).toBe(3);

      // A row inserted without a uid (older code paths) gets one from the trigger; updates bump the version.
      const newId = Number(
        db.prepare('INSERT INTO people (name, created_at, updated_at) VALUES (?, ?, ?)').run('Dee Four', at, at).lastInsertRowid,
      );
      const added = db.prepare('SELECT uid, version FROM people WHERE id = ?').get(newId) as { uid: string; version: number };
      expect(added.uid).toMatch(UUID_V7_PATTERN);
      db.prepare("UPDATE people SET notes = 'changed' WHERE id = ?").run(newId);
      expect(db.prepare('SELECT version FROM people WHERE id = ?').pluck().get(newId)).toBe(2);
      expect(() => db.prepare('UPDATE people SET uid = ? WHERE id = ?').run(rows[0]!.uid, newId)).toThrow(/UNIQUE/);

      const rules = db.prepare('SELECT kind, months, action FROM retention_rules ORDER BY kind').all();
      expect(rules).toEqual([
        { kind: 'archived_people', months: 24, action: 'review' },
        { kind: 'minutes', months: 72, action: 'review' },
        { kind: 'share_records', months: 72, action: 'review' },
      ]);
    } finally {
      db.close();
    }
  });
});
