import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasePerson } from '../../../main/partners/erasure';
import { createTestApp } from '../../helpers/db';
import { org, person } from '../partners/helpers';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('frozen and content-addressed text', () => {
  it('scrubs template snapshots, re-hashes them and merges one that becomes identical to another', () => {
    const council = org(app.db, { name: 'Council' });
    const gone = person(app.db, { name: 'Ysolde Marchbanks' }, { organisationId: council.id });
    const plain = JSON.stringify({ title: 'Agreement', intro: 'Contact [erased person] for help' });
    const named = JSON.stringify({ title: 'Agreement', intro: 'Contact YSOLDE MARCHBANKS for help' });
    const insert = app.db.prepare('INSERT INTO document_template_snapshots (hash, body) VALUES (?, ?)');
    const plainId = Number(insert.run(sha(plain), plain).lastInsertRowid);
    const namedId = Number(insert.run(sha(named), named).lastInsertRowid);
    const other = JSON.stringify({ title: 'Other', intro: 'Ask Dr Ysolde  Marchbanks' });
    const otherId = Number(insert.run(sha(other), other).lastInsertRowid);

    erasePerson(app.db, gone.id, 'Ysolde Marchbanks');

    const rows = app.db.prepare('SELECT id, hash, body FROM document_template_snapshots ORDER BY id').all() as {
      id: number;
      hash: string;
      body: string;
    }[];
    // The named snapshot now equals the plain one, so it is merged into it; the other is re-hashed.
    expect(rows.map((r) => r.id)).toEqual([plainId, otherId]);
    for (const r of rows) expect(r.hash).toBe(sha(r.body));
    expect(rows[1]!.body).toContain('Ask [erased person]');
    expect(namedId).toBeGreaterThan(plainId);
  });
});
