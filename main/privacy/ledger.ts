import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { buildMatcher } from '../../shared/privacy/matcher';
import type { MatchTerms } from '../../shared/privacy/matcher';
import { log } from '../logger';
import { allPeopleNames, personIdByUid } from '../partners/directory-api';
import type { ErasureRecorder } from '../partners/erasure';
import { compactAfterErasure, erasePersonRows, matchTermsFor, scrubEverywhere } from '../partners/erasure';
import { writeFileAtomic } from '../shell/save-file';

/**
 * The erasure ledger: which people were erased (by uid) and the terms that found their details in
 * text, kept in a small encrypted file beside the database rather than in it, so restoring an
 * older backup of the database cannot lose it. After a restore, reapplyErasures() erases them again.
 *
 * File format: "CNCERL1\n" | 12-byte IV | AES-256-GCM ciphertext of the JSON entries | 16-byte tag.
 * The key is derived with HKDF-SHA256 from the store key (see README), so the terms are never plain.
 */
export const LEDGER_FILE = 'erasures.bin';
const MAGIC = Buffer.from('CNCERL1\n', 'ascii');
const HKDF_INFO = 'concordat erasure ledger v1';

const entrySchema = z.object({
  uid: z.string(),
  erasedAt: z.string(),
  terms: z.object({ names: z.array(z.string()), emails: z.array(z.string()), phones: z.array(z.string()) }),
});
export type LedgerEntry = z.infer<typeof entrySchema>;

export type ErasureLedger = { file: string; key: Buffer };

/** The ledger for a data folder. storeKey is the database's raw 32-byte key (or a test key). */
export function erasureLedger(dataDir: string, storeKey: Buffer): ErasureLedger {
  if (storeKey.length < 16) throw new Error('the erasure ledger needs a key of at least 16 bytes');
  const key = Buffer.from(crypto.hkdfSync('sha256', storeKey, Buffer.alloc(0), HKDF_INFO, 32));
  return { file: path.join(dataDir, LEDGER_FILE), key };
}

export function readLedger(ledger: ErasureLedger): LedgerEntry[] {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(ledger.file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (bytes.length < MAGIC.length + 28 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error(`${LEDGER_FILE} is not an erasure ledger`);
  }
  const iv = bytes.subarray(MAGIC.length, MAGIC.length + 12);
  const tag = bytes.subarray(bytes.length - 16);
  const decipher = crypto.createDecipheriv('aes-256-gcm', ledger.key, iv);
  decipher.setAuthTag(tag);
  decipher.setAAD(MAGIC);
  const plain = Buffer.concat([decipher.update(bytes.subarray(MAGIC.length + 12, bytes.length - 16)), decipher.final()]);
  return z.array(entrySchema).parse(JSON.parse(plain.toString('utf8')));
}

export function writeLedger(ledger: ErasureLedger, entries: readonly LedgerEntry[]): void {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', ledger.key, iv);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(JSON.stringify(entries), 'utf8'), cipher.final()]);
  writeFileAtomic(ledger.file, Buffer.concat([MAGIC, iv, body, cipher.getAuthTag()]));
}

/** Record an erasure before it is made; the returned function takes it out again if the erasure fails. */
export function ledgerRecorder(ledger: ErasureLedger): ErasureRecorder {
  return ({ uid, terms }) => {
    const before = readLedger(ledger);
    const entry: LedgerEntry = {
      uid,
      erasedAt: new Date().toISOString(),
      terms: { names: [...terms.names], emails: [...terms.emails], phones: [...terms.phones] },
    };
    writeLedger(ledger, [...before.filter((e) => e.uid !== uid), entry]);
    return () =>
      writeLedger(
        ledger,
        readLedger(ledger).filter((e) => e.uid !== uid),
      );
  };
}

/**
 * Re-apply every recorded erasure to a database restored from an older backup: a person whose uid
 * is still there is erased again (their rows, links and text), and their terms are scrubbed from
 * every declared text column whether or not the person row is there. Then free pages and the WAL
 * are cleared. Returns how many people were erased again.
 */
export function reapplyErasures(db: Database, ledger: ErasureLedger): number {
  const entries = readLedger(ledger);
  if (entries.length === 0) return 0;
  let again = 0;
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    for (const e of entries) {
      const id = findErasedPerson(db, e);
      if (id !== undefined) {
        // The restored record may hold details the erased one no longer had: erase both sets.
        const now = matchTermsFor(db, id);
        const terms: MatchTerms = {
          names: [...new Set([...e.terms.names, ...now.names])],
          emails: [...new Set([...e.terms.emails, ...now.emails])],
          phones: [...new Set([...e.terms.phones, ...now.phones])],
        };
        erasePersonRows(db, id, terms);
        again += 1;
      } else {
        scrubEverywhere(db, buildMatcher(e.terms));
      }
    }
  })();
  compactAfterErasure(db);
  if (again > 0) log.info(`erasure ledger: erased ${again} restored record(s) again`);
  return again;
}

/**
 * The restored record of an erased person: by uid; or, in a backup made before people had uids
 * (they got new random ones when it was migrated), by the same full name with one of the same
 * emails or phones, or the same name alone when the erased person had neither.
 */
function findErasedPerson(db: Database, e: LedgerEntry): number | undefined {
  const byUid = personIdByUid(db, e.uid);
  if (byUid !== null) return byUid;
  const names = new Set(e.terms.names.map((n) => n.trim().toLowerCase()));
  const emails = new Set(e.terms.emails.map((x) => x.trim().toLowerCase()));
  const phones = new Set(e.terms.phones.map((x) => x.replace(/\D/g, '')));
  const candidates = allPeopleNames(db).filter((p) => names.has(p.name.trim().toLowerCase()));
  for (const c of candidates) {
    if (emails.size === 0 && phones.size === 0) return c.id;
    const t = matchTermsFor(db, c.id);
    if (t.emails.some((x) => emails.has(x.toLowerCase())) || t.phones.some((x) => phones.has(x.replace(/\D/g, '')))) return c.id;
  }
  return undefined;
}

/** When the store key changes, the ledger is re-encrypted under the new one. */
export function rekeyLedger(dataDir: string, oldStoreKey: Buffer, newStoreKey: Buffer): void {
  const entries = readLedger(erasureLedger(dataDir, oldStoreKey));
  if (entries.length > 0) writeLedger(erasureLedger(dataDir, newStoreKey), entries);
}

/**
 * For the lead to wire to the backups branch's after-restore hook:
 *   registerErasureReapply(registerAfterRestore, () => erasureLedger(dataDir, storeHolder.key()))
 */
export function registerErasureReapply(
  registerAfterRestore: (fn: (db: Database) => void) => void,
  ledgerFor: () => ErasureLedger,
): void {
  registerAfterRestore((db) => {
    reapplyErasures(db, ledgerFor());
  });
}

/**
 * Where the ledger key comes from. The store-key branch wires this to its StoreHolder
 * (`setLedgerKeySource(() => holder.key())`). Until then, a plain database has no store key, so a
 * random key is kept in a file in the data folder: the ledger is still never plain text, though
 * the key sits beside it, as the unencrypted database itself does.
 */
let keySource: ((dataDir: string) => Buffer) | null = null;

export function setLedgerKeySource(source: ((dataDir: string) => Buffer) | null): void {
  keySource = source;
}

export const LEDGER_KEY_FILE = 'erasures.key';

function fallbackKey(dataDir: string): Buffer {
  const file = path.join(dataDir, LEDGER_KEY_FILE);
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  return key;
}

export function ledgerForDataDir(dataDir: string): ErasureLedger {
  if (!keySource) return erasureLedger(dataDir, fallbackKey(dataDir));
  const storeKey = keySource(dataDir);
  // A ledger written before the store had a key moves to the store key, and its key file goes.
  const oldKeyFile = path.join(dataDir, LEDGER_KEY_FILE);
  if (fs.existsSync(oldKeyFile)) {
    rekeyLedger(dataDir, fs.readFileSync(oldKeyFile), storeKey);
    fs.rmSync(oldKeyFile);
  }
  return erasureLedger(dataDir, storeKey);
}
