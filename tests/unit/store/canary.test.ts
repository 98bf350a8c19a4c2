import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../main/ipc/dispatcher';
import { scanForCanaries } from '../../helpers/canary';
import { createTestStore } from '../../helpers/db';

/**
 * The proof the issue asks for: personal data written through the contract appears in no file
 * under the data folder, in any case or in UTF-16, and no file is a plain SQLite database.
 */
const CANARY_EMAIL = 'zq.canary.7731@northshire-police.example';
const CANARY_NAME = 'Quillon Zarathustra-Vexley';
const CANARY_NOTE = 'Canary note: OFFICIAL-SENSITIVE victim pathway detail 55410';

async function writeCanaries(dispatch: Dispatch): Promise<void> {
  const org = await dispatch('partners.organisations.create', {
    name: 'Northshire Constabulary',
    sector: 'police',
    membership: 'core',
    pursue: true,
    prevent: false,
    protect: false,
    prepare: false,
    address: '',
    website: '',
    email: '',
    phone: '',
    notes: CANARY_NOTE,
  });
  expect(org.ok).toBe(true);
  if (!org.ok) return;
  const person = await dispatch('partners.people.create', {
    value: { name: CANARY_NAME, pronouns: '', notes: CANARY_NOTE, source: '', lawfulBasis: '', lastVerified: null },
    post: {
      organisationId: (org.value as { id: number }).id,
      jobTitle: 'Detective Sergeant',
      email: CANARY_EMAIL,
      phone: '',
      isSpoc: true,
      startedOn: null,
    },
  });
  expect(person).toMatchObject({ ok: true });
  // Read it back through the contract, so it is certainly stored (and indexed for search).
  const search = await dispatch('partners.search', { query: 'Zarathustra' });
  expect(JSON.stringify(search)).toContain(CANARY_NAME);
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('encryption at rest', () => {
  it('a canary written through the contract is in no file under the data folder, open or closed', async () => {
    const t = createTestStore();
    cleanup = t.cleanup;
    // Make the scan meaningful: the canary must be findable by this scanner in a plain file.
    const probe = path.join(t.dataDir, 'probe.txt');
    fs.writeFileSync(probe, Buffer.from(CANARY_EMAIL.toUpperCase(), 'utf16le'));
    expect(scanForCanaries(t.dataDir, [CANARY_EMAIL]).found).not.toEqual([]);
    fs.rmSync(probe);

    await writeCanaries(t.dispatch);
    const canaries = [CANARY_EMAIL, CANARY_NAME, CANARY_NOTE, 'Detective Sergeant'];

    // While open: the -wal holds the recent writes, and must be encrypted too.
    const open = scanForCanaries(t.dataDir, canaries);
    expect(open.files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(['concordat.sqlite3', 'concordat.sqlite3-wal']),
    );
    expect(open.found).toEqual([]);

    t.store.close();
    const closed = scanForCanaries(t.dataDir, canaries);
    expect(closed.files.length).toBeGreaterThan(0);
    expect(closed.found).toEqual([]);
  });
});
