import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import type { Handlers } from '../../../main/ipc/dispatcher';
import { handlers } from '../../../main/handlers';
import { contract } from '../../../shared/contract';
import { createTestApp, testHost } from '../../helpers/db';

let app: ReturnType<typeof createTestApp>;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

const snapshot = () => ({
  settings: app.db.prepare('SELECT * FROM partnership_settings').all(),
  audit: app.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
});

const valid = {
  name: 'Northshire Partnership',
  area: 'Northshire',
  coordinatorName: 'Sam Lee',
  coordinatorEmail: 'sam@example.org',
  defaultMarking: 'OFFICIAL',
  coordinatorPersonId: null,
  version: 1,
};

describe('the contract', () => {
  it('has a handler for every channel and a channel for every handler', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('round-trips settings and records an audit entry without content', async () => {
    const saved = await app.dispatch('settings.update', valid);
    expect(saved).toEqual({ ok: true, value: { ...valid, version: 2 } });
    expect(await app.dispatch('settings.get', {})).toEqual({ ok: true, value: { ...valid, version: 2 } });
    const audit = app.db.prepare('SELECT entity, entity_id, action FROM audit_log').all();
    expect(audit).toEqual([{ entity: 'partnership_settings', entity_id: '1', action: 'update' }]);
    expect(JSON.stringify(app.db.prepare('SELECT * FROM audit_log').all())).not.toContain('Northshire');
  });

  it.each([
    ['a wrong type', { ...valid, name: 42 }],
    ['a missing field', { name: 'x', area: '', coordinatorName: '', coordinatorEmail: '' }],
    ['an unknown field', { ...valid, isAdmin: true }],
    ['an oversized string', { ...valid, area: 'x'.repeat(10_000) }],
    ['an empty required field', { ...valid, name: '   ' }],
    ['a bad email', { ...valid, coordinatorEmail: 'not an email' }],
    ['a marking that is not allowed', { ...valid, defaultMarking: 'TOP SECRET' }],
    ['no payload', undefined],
    ['an array payload', [valid]],
    ['a prototype-polluting payload', JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}')],
  ])('refuses %s with invalid_request and writes nothing', async (_label, payload) => {
    const before = snapshot();
    const result = await app.dispatch('settings.update', payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_request');
    expect(snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an unknown channel, including inherited property names', async () => {
    for (const name of ['nope', 'toString', '__proto__', 'constructor', 42, null]) {
      const result = await app.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('turns an unexpected exception into internal, and keeps serving', async () => {
    const exploding = {
      ...handlers,
      'settings.get': () => {
        throw new Error('disk on fire');
      },
    } as Handlers;
    const dispatch = createDispatcher(exploding, { db: app.db, host: testHost(app.dataDir) });
    const result = await dispatch('settings.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toContain('disk on fire');
    expect((await dispatch('app.info', {})).ok).toBe(true);
  });

  it('reports app info', async () => {
    const result = await app.dispatch('app.info', {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Concordat', dataDir: app.dataDir, host: 'browser' } });
  });
});
