import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';

export type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;

/** A message that screen readers announce: errors assertively, confirmations politely. */
export function Notice({ tone, children }: { tone: 'error' | 'success' | 'info'; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/**
 * A screen's status message ("Saved.", "Exported …", "Agreed as version 1.0."). It belongs to one
 * record: when `scope` changes (another meeting, another document) it is cleared, and a success or
 * info message clears itself after a while, so no stale banner stays on screen. Errors stay until
 * replaced or the scope changes.
 */
export function useMessage(scope: unknown = null, ms = 8_000): [Message, (m: Message) => void] {
  const key = JSON.stringify(scope) ?? '';
  const [state, setState] = useState<{ key: string; message: Message }>({ key, message: null });
  const message = state.key === key ? state.message : null;
  useEffect(() => {
    if (!message || message.tone === 'error') return;
    const timer = setTimeout(() => setState((s) => (s.message === message ? { ...s, message: null } : s)), ms);
    return () => clearTimeout(timer);
  }, [message, ms]);
  const set = useCallback((m: Message) => setState({ key, message: m }), [key]);
  return [message, set];
}
