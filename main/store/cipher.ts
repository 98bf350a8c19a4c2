import type { Database } from 'better-sqlite3';

/** The first bytes of every unencrypted SQLite file. An encrypted store never starts with them. */
export const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Key a fresh connection. These must be the first statements on it: SQLCipher 4 layout (the fork's
 * sqlcipher cipher, legacy=4), and a raw 32-byte key in x'…' form, so SQLCipher's own PBKDF2 is skipped
 * (our scrypt in keys.ts has already stretched the secret).
 */
export function applyKey(db: Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('the store key must be 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}
