import type { ReactNode } from 'react';
import { useSyncExternalStore } from 'react';
import { Button } from 'react-aria-components';
import './toasts.css';

export type Tone = 'error' | 'success' | 'info';
export type Toast = { id: number; tone: Tone; text: string; action?: { label: string; run: () => void } };

/**
 * The one queue of passing messages ("Saved", "Exported to …", "Removed. Undo"). Messages that
 * belong to a form stay beside the form (Notice); these are the ones that report an action done.
 * A toast leaves after a while, or at once when replaced, so no stale banner stays on screen.
 */
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function dismiss(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function toast(tone: Tone, text: string, action?: Toast['action'], ms = tone === 'error' ? 12_000 : 6_000): number {
  const id = nextId++;
  toasts = [...toasts.slice(-2), action ? { id, tone, text, action } : { id, tone, text }];
  emit();
  setTimeout(() => dismiss(id), action ? Math.max(ms, 10_000) : ms);
  return id;
}

export function clearToasts(): void {
  toasts = [];
  emit();
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}

/**
 * Mounted once by the app: a polite live region (errors are assertive) at the foot of the window.
 * `children` are lasting notices (the store's one-time notices) shown in the same stack, above the
 * passing toasts, so the two never overlap.
 */
export function ToastRegion({ children }: { children?: ReactNode }) {
  const list = useToasts();
  return (
    <div className="toast-region">
      {children}
      {/* Live regions without roles, so they never stand in for a form's own status or alert. */}
      <div aria-live="polite">
        {list
          .filter((t) => t.tone !== 'error')
          .map((t) => (
            <ToastView key={t.id} t={t} />
          ))}
      </div>
      <div aria-live="assertive">
        {list
          .filter((t) => t.tone === 'error')
          .map((t) => (
            <ToastView key={t.id} t={t} />
          ))}
      </div>
    </div>
  );
}

function ToastView({ t }: { t: Toast }) {
  return (
    <div className={`toast toast-${t.tone}`}>
      <span>{t.text}</span>
      {t.action ? (
        <Button
          className="button small"
          onPress={() => {
            t.action!.run();
            dismiss(t.id);
          }}
        >
          {t.action.label}
        </Button>
      ) : null}
      <Button className="toast-close" aria-label="Dismiss message" onPress={() => dismiss(t.id)}>
        ×
      </Button>
    </div>
  );
}
