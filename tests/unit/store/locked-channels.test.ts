import { afterEach, describe, expect, it } from 'vitest';
import { StoreHolder } from '../../../main/store/holder';
import { TEST_KDF } from '../../../main/store/keys';
import { contract } from '../../../shared/contract';
import { CHANNELS_WHILE_LOCKED } from '../../../shared/contract/store';
import { createTestStore } from '../../helpers/db';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

const allowed = new Set<string>(CHANNELS_WHILE_LOCKED);

describe('while the store is locked', () => {
  it('every channel of the contract except the short allow-list is refused with locked, before its payload is read', async () => {
    const t = createTestStore();
    cleanup = t.cleanup;
    t.store.lock();
    const channels = Object.keys(contract);
    expect(channels.length).toBeGreaterThan(20);
    for (const channel of channels) {
      const result = await t.dispatch(channel, {});
      if (allowed.has(channel)) {
        if (!result.ok) expect(result.error.code, channel).not.toBe('locked');
      } else {
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringMatching(/locked/) } });
      }
    }
    expect(t.store.state).toBe('locked');
  });

  it('before set-up, the same channels are refused too', async () => {
    const t = createTestStore({ passphrase: null });
    cleanup = t.cleanup;
    expect(t.store.state).toBe('needs-setup');
    expect(await t.dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await t.dispatch('app.info', {})).toMatchObject({ ok: true, value: { schemaVersion: null } });
  });

  it('the idle-lock time is kept in the key file and survives a restart', async () => {
    const t = createTestStore();
    cleanup = t.cleanup;
    expect(await t.dispatch('store.status', {})).toMatchObject({ ok: true, value: { idleLockMinutes: 15 } });
    expect(await t.dispatch('store.setPreferences', { idleLockMinutes: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await t.dispatch('store.setPreferences', { idleLockMinutes: 30 })).toMatchObject({
      ok: true,
      value: { idleLockMinutes: 30 },
    });
    t.store.close();
    expect(new StoreHolder({ dataDir: t.dataDir, kdf: TEST_KDF }).idleLockMinutes).toBe(30);
  });
});
