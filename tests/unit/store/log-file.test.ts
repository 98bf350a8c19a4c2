import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLogFile, log, logFilePath, stopLogFile } from '../../../main/logger';
import { tempDir } from '../../helpers/db';
import { openTestStore } from './helpers';

afterEach(() => stopLogFile());

describe('log file', () => {
  it('writes to logs/concordat.log in the data folder and rotates at the cap, keeping 3 older files', () => {
    const dir = tempDir();
    const file = configureLogFile(dir, { maxBytes: 2000 });
    expect(file).toBe(path.join(dir, 'logs', 'concordat.log'));
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'.'.repeat(40)}`);
    const files = fs.readdirSync(path.join(dir, 'logs')).sort();
    expect(files).toEqual(['concordat.log', 'concordat.log.1', 'concordat.log.2', 'concordat.log.3']);
    for (const f of files) expect(fs.statSync(path.join(dir, 'logs', f)).size).toBeLessThanOrEqual(2000);
    expect(fs.readFileSync(file!, 'utf8')).toContain('line 199');
  });

  it('holds no personal data written through the contract, and Settings can show where it is', async () => {
    const dir = tempDir();
    const t = openTestStore(dir);
    const canary = 'Zebediah Quartermaine-Canary';
    const r = await t.dispatch('partners.people.create', {
      value: { name: canary, pronouns: '', notes: 'x', source: '', lawfulBasis: '', lastVerified: null },
      post: null,
    });
    expect(r.ok).toBe(true);
    await t.dispatch('partners.people.create', { value: { name: 5 }, post: null });
    const overview = await t.dispatch('backups.list', {});
    expect(overview).toMatchObject({ ok: true, value: { logFile: path.join(dir, 'logs', 'concordat.log') } });
    t.close();
    const text = fs.readFileSync(logFilePath()!, 'utf8');
    expect(text).toContain('backup written');
    expect(text).not.toContain('Zebediah');
  });
});
