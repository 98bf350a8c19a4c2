import { AppError } from '../../shared/result';
import type { storeChannels } from '../../shared/contract/store';
import type { StoreStatus } from '../../shared/store/status';
import type { HandlerContext, HandlerGroup } from '../ipc/dispatcher';
import { log } from '../logger';
import type { StoreHolder } from './holder';

type StoreChannel = keyof typeof storeChannels;

function holder(ctx: HandlerContext): StoreHolder {
  if (!ctx.store) throw new AppError('conflict', 'This copy of Concordat runs without the encrypted store.');
  return ctx.store;
}

export function storeStatus(ctx: HandlerContext, notices = true): StoreStatus {
  const availability = ctx.host.keychain?.availability() ?? {
    ok: false as const,
    reason: 'Only the desktop app can remember the key on this computer.',
  };
  if (!ctx.store)
    return {
      state: 'unlocked',
      hasPlainData: false,
      canRemember: false,
      rememberUnavailableReason: availability.ok ? null : availability.reason,
      remembered: false,
      idleLockMinutes: 0,
      notices: [],
    };
  const store = ctx.store;
  const state = store.state;
  return {
    state,
    hasPlainData: state !== 'unlocked' && store.hasPlainData,
    canRemember: availability.ok,
    rememberUnavailableReason: availability.ok ? null : availability.reason,
    remembered: Boolean(ctx.host.keychain?.has()),
    idleLockMinutes: state === 'needs-setup' ? 0 : store.idleLockMinutes,
    // Notices are for the coordinator once the store is open; while locked they wait.
    notices: notices && state === 'unlocked' ? store.takeNotices() : [],
  };
}

function applyRemember(ctx: HandlerContext, remember: boolean | undefined): void {
  const keychain = ctx.host.keychain;
  if (remember === undefined || !keychain) return;
  if (!remember) {
    keychain.forget();
    return;
  }
  const availability = keychain.availability();
  if (!availability.ok) throw new AppError('conflict', availability.reason);
  const key = holder(ctx).key();
  try {
    keychain.save(key);
  } catch (error) {
    log.warn('could not remember the key on this computer', error);
    throw new AppError(
      'internal',
      'Concordat could not keep the key in this computer’s keychain. It will ask for the passphrase.',
    );
  } finally {
    key.fill(0);
  }
}

/** Remember (or forget) after the store has opened; a failure becomes a notice, not a failed unlock. */
function rememberOrSay(ctx: HandlerContext, remember: boolean | undefined): void {
  try {
    applyRemember(ctx, remember);
  } catch (error) {
    holder(ctx).notify(error instanceof AppError ? error.message : 'Concordat could not remember the key on this computer.');
  }
}

export const storeHandlers: HandlerGroup<StoreChannel> = {
  'store.status': (_req, ctx) => storeStatus(ctx),
  'store.setUp': (req, ctx) => {
    const { recoveryKey } = holder(ctx).setUp(req.passphrase);
    // The store is set up and the recovery key must reach the screen: a keychain problem is only a notice.
    rememberOrSay(ctx, req.remember);
    return { recoveryKey, status: storeStatus(ctx, false) };
  },
  'store.unlock': (req, ctx) => {
    holder(ctx).unlock(req.secret);
    rememberOrSay(ctx, req.remember);
    return storeStatus(ctx);
  },
  'store.lock': (_req, ctx) => {
    ctx.store?.lock();
    return storeStatus(ctx);
  },
  'store.changePassphrase': (req, ctx) => {
    holder(ctx).changePassphrase(req.current, req.next);
    return storeStatus(ctx);
  },
  'store.newRecoveryKey': (req, ctx) => holder(ctx).newRecoveryKey(req.current),
  'store.setPreferences': (req, ctx) => {
    if (req.idleLockMinutes !== undefined) holder(ctx).setIdleLockMinutes(req.idleLockMinutes);
    applyRemember(ctx, req.remember);
    return storeStatus(ctx);
  },
};
