import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasePerson } from '../../../main/partners/erasure';
import {
  LEDGER_FILE,
  LEDGER_KEY_FILE,
  erasureLedger,
  ledgerForDataDir,
  ledgerRecorder,
  readLedger,
  reapplyErasures,
  registerErasureReapply,
  rekeyLedger,
  setLedgerKeySource,
} from '../../../main/privacy/ledger';
import { openDatabaseFile } from '../../../main/store/database';
import { createTestApp, tempDir } from '../../helpers/db';
import { org, person } from '../partners/helpers';

let app: ReturnType<typeof createTestApp>;
const dirs: string[] = [];
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => {
  app.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const key = crypto.randomBytes(32);

function seed() {
  const council = org(app.db, { name: 'Council' });
  const gone = person(
    app.db,
    { name: 'Wilhelmina Corrigan' },
    { organisationId: council.id, email: 'w.corrigan@council.example' },
  );
  const kept = person(app.db, { name: 'Kept Person', notes: 'Ask Wilhelmina Corrigan first' }, { organisationId: council.id });
  return { gone, kept };
}

describe('the erasure ledger', () => {
  it('keeps erasures by uid, encrypted, and re-applies them to a restored older backup', () => {
    const { gone, kept } = seed();
    const uid = app.db.prepare('SELECT uid FROM people WHERE id = ?').pluck().get(gone.id) as string;
    const backupDir = tempDir();
    dirs.push(backupDir);
    const backup = path.join(backupDir, 'older.sqlite3');
    app.db.exec(`VACUUM INTO '${backup}'`);

    const ledger = erasureLedger(app.dataDir, key);
    erasePerson(app.db, gone.id, 'Wilhelmina Corrigan', ledgerRecorder(ledger));
    expect(readLedger(ledger)).toEqual([
      expect.objectContaining({
        uid,
        terms: { names: ['Wilhelmina Corrigan'], emails: ['w.corrigan@council.example'], phones: [] },
      }),
    ]);
    const raw = fs.readFileSync(path.join(app.dataDir, LEDGER_FILE)).toString('latin1').toLowerCase();
    expect(raw).not.toContain('corrigan');
    expect(() => readLedger(erasureLedger(app.dataDir, crypto.randomBytes(32)))).toThrow();

    // The restored copy still holds the person; re-applying the ledger erases them again.
    const restored = openDatabaseFile(backup);
    try {
      expect(restored.prepare('SELECT count(*) FROM people WHERE uid = ?').pluck().get(uid)).toBe(1);
      expect(reapplyErasures(restored, ledger)).toBe(1);
      expect(restored.prepare('SELECT count(*) FROM people WHERE uid = ?').pluck().get(uid)).toBe(0);
      expect(restored.prepare('SELECT notes FROM people WHERE id = ?').pluck().get(kept.id)).toBe('Ask [erased person] first');
      // Applying it again changes nothing more.
      expect(reapplyErasures(restored, ledger)).toBe(0);
    } finally {
      restored.close();
    }
    expect(fs.readFileSync(backup).toString('latin1').toLowerCase()).not.toContain('corrigan');
  });

  it('takes the erasure out of the ledger when the erasure itself fails', () => {
    const { gone } = seed();
    const ledger = erasureLedger(app.dataDir, key);
    const record = ledgerRecorder(ledger);
    const undo = record({ uid: 'x', terms: { names: ['A B'], emails: [], phones: [] } });
    expect(readLedger(ledger)).toHaveLength(1);
    undo();
    expect(readLedger(ledger)).toHaveLength(0);
    expect(() => erasePerson(app.db, gone.id, 'wrong name', record)).toThrow();
    expect(readLedger(ledger)).toHaveLength(0);
  });

  it('registers with an after-restore hook', () => {
    seed();
    const fns: ((db: typeof app.db) => void)[] = [];
    registerErasureReapply(
      (fn) => fns.push(fn),
      () => ledgerForDataDir(app.dataDir),
    );
    expect(fns).toHaveLength(1);
    fns[0]!(app.db);
  });

  it('the erase channel records into the ledger of the data folder', async () => {
    const { gone } = seed();
    const r = await app.dispatch('partners.people.erase', { id: gone.id, confirmName: 'Wilhelmina Corrigan' });
    expect(r.ok).toBe(true);
    expect(readLedger(ledgerForDataDir(app.dataDir)).map((e) => e.terms.names)).toEqual([['Wilhelmina Corrigan']]);
  });
});

describe('the connection', () => {
  it('has secure_delete on for every write, not only inside an erasure', () => {
    expect(app.db.pragma('secure_delete', { simple: true })).toBe(1);
  });
});

describe('a backup from before people had uids', () => {
  it('is matched by full name and email, and the ledger survives a change of store key', () => {
    const { gone } = seed();
    const ledger = erasureLedger(app.dataDir, key);
    erasePerson(app.db, gone.id, 'Wilhelmina Corrigan', ledgerRecorder(ledger));
    // The restored copy: same person with a different uid (as a pre-0005 backup gets on migration), and a namesake.
    const council = app.db.prepare('SELECT id FROM organisations').pluck().get() as number;
    const again = person(
      app.db,
      { name: 'Wilhelmina Corrigan' },
      { organisationId: council, email: 'W.Corrigan@council.example' },
    );
    const namesake = person(app.db, { name: 'Wilhelmina Corrigan' }, { organisationId: council, email: 'other@else.example' });
    expect(reapplyErasures(app.db, ledger)).toBe(1);
    expect(app.db.prepare('SELECT count(*) FROM people WHERE id = ?').pluck().get(again.id)).toBe(0);
    // The namesake (same name, other email) is not the erased person and keeps their record.
    expect(app.db.prepare('SELECT count(*) FROM people WHERE id = ?').pluck().get(namesake.id)).toBe(1);

    const newKey = crypto.randomBytes(32);
    rekeyLedger(app.dataDir, key, newKey);
    expect(readLedger(erasureLedger(app.dataDir, newKey))).toHaveLength(1);
    expect(() => readLedger(ledger)).toThrow();
  });
});

describe('the ledger key', () => {
  afterEach(() => setLedgerKeySource(null));
  it('moves from the interim key file to the store key once one is configured', async () => {
    const { gone } = seed();
    await app.dispatch('partners.people.erase', { id: gone.id, confirmName: 'Wilhelmina Corrigan' });
    expect(fs.existsSync(path.join(app.dataDir, LEDGER_KEY_FILE))).toBe(true);
    const storeKey = crypto.randomBytes(32);
    setLedgerKeySource(() => storeKey);
    expect(readLedger(ledgerForDataDir(app.dataDir))).toHaveLength(1);
    expect(fs.existsSync(path.join(app.dataDir, LEDGER_KEY_FILE))).toBe(false);
    expect(readLedger(erasureLedger(app.dataDir, storeKey))).toHaveLength(1);
  });
});
