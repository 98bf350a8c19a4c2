import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER_FILE, LEDGER_KEY_FILE } from '../../../main/privacy/ledger';
import type { BackupCreated, RestoreReply } from '../../../shared/backups';
import { tempDir } from '../../helpers/db';
import { org, person } from '../partners/helpers';
import { openTestStore } from '../store/helpers';
import type { TestStore } from '../store/helpers';

let open: TestStore[] = [];
afterEach(() => {
  for (const t of open) t.close();
  open = [];
});

async function call<T>(t: TestStore, channel: string, payload: unknown = {}): Promise<T> {
  const r = await t.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

const peopleText = (t: TestStore) =>
  JSON.stringify(t.store.db().prepare('SELECT * FROM people').all()) +
  JSON.stringify(t.store.db().prepare('SELECT * FROM posts').all());

describe('an erasure survives restoring an older backup', () => {
  it('re-applies the erasure to the restored copy, from a ledger under the store key', async () => {
    const dir = tempDir();
    const t = openTestStore(dir);
    open.push(t);
    const db = t.store.db();
    const council = org(db, { name: 'Northshire Council' });
    const gone = person(
      db,
      { name: 'Quentin Zarbo', notes: 'Met at the forum' },
      { organisationId: council.id, jobTitle: 'Lead', email: 'q.zarbo@council.example', phone: '01632 960777' },
    );
    person(db, { name: 'Kept Person' });
    const before = await call<BackupCreated>(t, 'backups.create');
    expect(peopleText(t)).toContain('Zarbo');

    await call(t, 'partners.people.erase', { id: gone.id, confirmName: 'Quentin Zarbo' });
    expect(peopleText(t)).not.toContain('Zarbo');
    // The ledger is encrypted with the store's key: no key file of its own, no plain text.
    expect(fs.existsSync(path.join(dir, LEDGER_KEY_FILE))).toBe(false);
    const ledger = fs.readFileSync(path.join(dir, LEDGER_FILE));
    expect(ledger.toString('latin1').toLowerCase()).not.toContain('zarbo');

    const restored = await call<RestoreReply>(t, 'backups.restore', { source: 'list', name: before.backup.name });
    expect(restored.canceled).toBe(false);
    const after = peopleText(t);
    expect(after).toContain('Kept Person');
    expect(after.toLowerCase()).not.toContain('zarbo');
    expect(after).not.toContain('960777');
  });
});
