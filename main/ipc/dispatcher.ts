import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { contract, isChannel } from '../../shared/contract';
import type { SaveOutcome } from '../../shared/files';
import type { Result } from '../../shared/result';
import { AppError, fail, ok } from '../../shared/result';
import { CHANNELS_WHILE_LOCKED } from '../../shared/contract/store';
import { log } from '../logger';
import { LOCKED_MESSAGE } from '../store/holder';
import type { StoreHolder } from '../store/holder';
import type { Keychain } from '../store/remember';

/** What a handler may ask of the host it runs in (Electron or the browser host). */
export type HostServices = {
  kind: 'electron' | 'browser';
  appVersion: string;
  dataDir: string;
  /** Save bytes the user asked to export. Electron shows a save dialog; the browser host returns a download. */
  saveFile: (file: { suggestedName: string; mimeType: string; extension: string; bytes: Uint8Array }) => Promise<SaveOutcome>;
  /** "Remember on this computer" (Electron's safeStorage); absent in the browser host. */
  keychain?: Keychain;
};

/**
 * What every handler receives. `db` asks the store holder for the current database on each use, so a
 * handler never keeps a handle across a lock or a restore. `store` is null when a test dispatches over
 * a plain database.
 */
export type HandlerContext = { readonly db: Database; host: HostServices; store?: StoreHolder | null };

/** Either a store holder (the app) or one fixed database (unit tests over an unencrypted store). */
export type DispatcherContext = { host: HostServices } & ({ store: StoreHolder } | { db: Database });

const allowedWhileLocked: ReadonlySet<string> = new Set(CHANNELS_WHILE_LOCKED);

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  ctx: HandlerContext,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type HandlerGroup<C extends Channel> = { [K in C]: Handler<K> };
export type Handlers = HandlerGroup<Channel>;

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 20).map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
}

/**
 * The one place every call enters main: the channel must exist, the payload must match its schema
 * (wrong types, missing, unknown or oversized fields are refused before any handler runs), and
 * every outcome, including an unexpected exception, becomes the one reply shape.
 */
export function createDispatcher(handlers: Handlers, context: DispatcherContext): Dispatch {
  const store = 'store' in context ? context.store : null;
  const fixed = 'db' in context ? context.db : null;
  // A fixed handle (tests, tools) may not have come through openDatabaseFile: zero deleted text there too.
  fixed?.pragma('secure_delete = ON');
  const ctx: HandlerContext = {
    get db() {
      return store ? store.db() : fixed!;
    },
    host: context.host,
    store,
  };
  return async (channel, payload) => {
    if (!isChannel(channel)) return fail('unknown_channel', 'That request is not part of this version of Concordat.');
    if (store && !allowedWhileLocked.has(channel) && store.state !== 'unlocked') return fail('locked', LOCKED_MESSAGE);
    const parsed = contract[channel].request.safeParse(payload);
    if (!parsed.success) {
      const details = describeIssues(parsed.error);
      return fail('invalid_request', details[0] ?? 'The request was not valid.', details);
    }
    try {
      const handler = handlers[channel] as (req: unknown, c: HandlerContext) => unknown;
      return ok(await handler(parsed.data, ctx));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      if (error instanceof z.ZodError) {
        const details = describeIssues(error);
        return fail('invalid_request', details[0] ?? 'The request was not valid.', details);
      }
      log.error(`unexpected error in ${channel}`, error);
      return fail('internal', 'Something went wrong inside Concordat. Nothing was saved. The details are in the log.');
    }
  };
}
