import type { createTestApp } from '../../helpers/db';

export type App = ReturnType<typeof createTestApp>;

export async function ok<T>(app: App, channel: string, payload: unknown): Promise<T> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message} ${(r.error.details ?? []).join('; ')}`);
  return r.value as T;
}

export async function fails(app: App, channel: string, payload: unknown) {
  const r = await app.dispatch(channel, payload);
  if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return r.error;
}
