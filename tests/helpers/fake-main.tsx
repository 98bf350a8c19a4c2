import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

type Payload = Record<string, unknown>;

/**
 * A pretend main process for a screen's component test, holding one versioned record as main
 * does: a save on `update` based on an older version is refused as stale (with `stale` as the
 * message), otherwise it is applied and the version goes up. `reads` answer other channels from
 * the record as it now is; any other channel answers an empty list.
 */
export function fakeVersionedMain<R extends { version: number }>(options: {
  row: R;
  update: string;
  stale: string;
  /** What a save changes: by default the payload's own fields, less its id and version. */
  apply?: (row: R, payload: Payload) => R;
  reads?: Record<string, (row: R) => unknown>;
}) {
  let row = options.row;
  const updates: Payload[] = [];
  const apply =
    options.apply ??
    ((r: R, p: Payload) => {
      const { id: _id, version: _version, ...fields } = p;
      return { ...r, ...(fields as Partial<R>) };
    });
  window.concordat = {
    onMenuCommand: () => () => undefined,
    invoke: async (channel: string, payload: unknown) => {
      const read = options.reads?.[channel];
      if (read) return { ok: true, value: read(row) };
      if (channel === options.update) {
        const p = payload as Payload;
        updates.push(p);
        if (p.version !== row.version) return { ok: false, error: { code: 'stale', message: options.stale } };
        row = { ...apply(row, p), version: row.version + 1 };
        return { ok: true, value: row };
      }
      return { ok: true, value: [] };
    },
  } as unknown as NonNullable<Window['concordat']>;
  return {
    /** Every save sent, refused or not. */
    updates,
    row: () => row,
    /** Another window saves the record: a new version with these changes. */
    changeElsewhere: (change: Partial<R>) => {
      row = { ...row, ...change, version: row.version + 1 };
    },
  };
}

/** Render a screen with a fresh query cache, as the app's root provides one. */
export const renderWithQueries = (ui: ReactElement) =>
  render(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);
