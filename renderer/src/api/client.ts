import type { Channel, RequestOf, ResponseOf } from '../../../shared/contract';
import { HTTP_INVOKE_PATH, HTTP_TOKEN_HEADER } from '../../../shared/contract';
import type { MenuCommand } from '../../../shared/menu-commands';
import type { AppErrorShape, Result } from '../../../shared/result';

type Bridge = {
  invoke: <C extends Channel>(channel: C, payload: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

declare global {
  interface Window {
    concordat?: Bridge;
  }
}

const TOKEN_KEY = 'concordat.token';
/** Fired on the window when any call finds the store locked. */
export const STORE_LOCKED_EVENT = 'concordat:store-locked';

/** The browser host prints a URL with #token=…; keep it for this tab so a reload still works. */
export function captureToken(): void {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
}

async function invokeOverHttp(channel: string, payload: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(HTTP_INVOKE_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [HTTP_TOKEN_HEADER]: sessionStorage.getItem(TOKEN_KEY) ?? '' },
      body: JSON.stringify({ channel, payload }),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Concordat is not running. Start it again and reopen the address it prints.' },
    };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `Unexpected reply from Concordat (HTTP ${response.status}).` } };
  }
}

/** Call a contract channel from either host; always resolves to the one reply shape. */
export async function invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  if (window.concordat) return window.concordat.invoke(channel, payload);
  return (await invokeOverHttp(channel, payload)) as Result<ResponseOf<C>>;
}

export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly details: string[];
  constructor(error: AppErrorShape) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.details = error.details ?? [];
  }
}

/** Like invoke, but throws ApiError: convenient inside TanStack Query functions. */
export async function call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await invoke(channel, payload);
  // The store was locked elsewhere (idle, another tab, the host): the gate shows the unlock screen.
  if (!result.ok && result.error.code === 'locked') window.dispatchEvent(new Event(STORE_LOCKED_EVENT));
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.concordat ? window.concordat.onMenuCommand(listener) : () => undefined;
}
