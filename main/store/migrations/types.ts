import type { Database } from 'better-sqlite3';

/** One numbered schema step. A released migration is never edited: add a new one instead. */
export type Migration = {
  version: number;
  name: string;
  up: (db: Database) => void;
};
