import type { ReactNode } from 'react';

export type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;

/** A message that screen readers announce: errors assertively, confirmations politely. */
export function Notice({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
