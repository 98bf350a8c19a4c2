import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, NewerSchemaError, openDatabase, readUserVersion } from '../../../main/store/database';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../main/store/migrations';
import type { Migration } from '../../../main/store/migrations/types';
import { tempDir } from '../../helpers/db';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('migrations', () => {
  // Numbers are handed out to parallel branches in advance, so a branch may skip some: they only
  // have to rise. user_version records the last one applied.
  it('are numbered in strictly rising order from 1', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(versions[i]!));
  });

  it('build a fresh database to the latest version with WAL, foreign keys and STRICT tables', () => {
    const dir = fresh();
    const db = openDatabase(dir);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['partnership_settings', 'audit_log']));
    // FTS virtual tables and their shadow tables are the only exceptions to STRICT.
    for (const t of tables.filter((t) => !/VIRTUAL TABLE/i.test(t.sql) && !/_(data|idx|content|docsize|config)$/.test(t.name))) {
      expect(t.sql, t.name).toMatch(/\)\s*STRICT/i);
    }
    db.close();
  });

  it('reopening an up-to-date database changes nothing and keeps the data', () => {
    const dir = fresh();
    const db = openDatabase(dir);
    db.prepare("UPDATE partnership_settings SET name = 'Kept' WHERE id = 1").run();
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare('SELECT name FROM partnership_settings').pluck().get()).toBe('Kept');
    again.close();
  });

  it('refuses a database written by a newer version and leaves its bytes untouched', () => {
    const dir = fresh();
    const file = path.join(dir, DATABASE_FILE);
    const raw = new Database(file);
    raw.exec("CREATE TABLE future (x TEXT) STRICT; INSERT INTO future VALUES ('from the future')");
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    const filesBefore = fs.readdirSync(dir).sort();

    expect(() => openDatabase(dir)).toThrow(NewerSchemaError);
    expect(() => openDatabase(dir)).toThrow(/newer version of Concordat/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('a failing step rolls back and leaves the previous version', () => {
    const dir = fresh();
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x TEXT) STRICT');
        throw new Error('boom');
      },
    };
    openDatabase(dir).close();
    expect(() => openDatabase(dir, { migrations: [...migrations, broken] })).toThrow('boom');
    const db = openDatabase(dir);
    expect(readUserVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('reports a file that is not a database without changing it', () => {
    const dir = fresh();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'this is not a database, it is a text file that is long enough to have a header. '.repeat(20));
    const before = sha(file);
    expect(() => openDatabase(dir)).toThrow(/not a Concordat database or is damaged/);
    expect(sha(file)).toBe(before);
  });

  it('reports a failed integrity check clearly', () => {
    const dir = fresh();
    const file = path.join(dir, DATABASE_FILE);
    const db = new Database(file);
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    })();
    const rootpage = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 't_x'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // Scribble over one page of the index: quick_check must notice.
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize - 100, 0x41), 0, pageSize - 100, (rootpage - 1) * pageSize + 100);
    fs.closeSync(fd);
    expect(() => openDatabase(dir)).toThrow(/integrity check|not a Concordat database or is damaged/);
  });
});
