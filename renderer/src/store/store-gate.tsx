import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useCallback, useEffect } from 'react';
import { Button } from 'react-aria-components';
import { STORE_LOCKED_EVENT } from '../api/client';
import { Notice } from '../ui/notice';
import { SetupScreen } from './setup-screen';
import {
  STORE_STATUS_KEY,
  acceptStatus,
  dismissNotice,
  forgetRecords,
  lockNow,
  useStoreNotices,
  useStoreStatus,
} from './store-status';
import { UnlockScreen } from './unlock-screen';
import { useIdleLock } from './use-idle-lock';
import './store.css';

/**
 * Nothing of the app shell renders until the store is open: first launch shows the set-up screen,
 * every later start the unlock screen. While open, inactivity locks it after the chosen time.
 */
export function StoreGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const status = useStoreStatus(queryClient);

  useEffect(() => {
    const onLocked = () => {
      forgetRecords(queryClient);
      void queryClient.invalidateQueries({ queryKey: STORE_STATUS_KEY });
    };
    window.addEventListener(STORE_LOCKED_EVENT, onLocked);
    return () => window.removeEventListener(STORE_LOCKED_EVENT, onLocked);
  }, [queryClient]);

  const unlocked = status.data?.state === 'unlocked';
  const onIdle = useCallback(() => void lockNow(queryClient), [queryClient]);
  useIdleLock(unlocked ? (status.data?.idleLockMinutes ?? 0) : 0, onIdle);

  if (status.isError)
    return (
      <main className="store-screen">
        <div className="store-card">
          <h1>Concordat could not start</h1>
          <Notice tone="error">{status.error.message}</Notice>
          <Button className="button" onPress={() => void status.refetch()}>
            Try again
          </Button>
        </div>
      </main>
    );
  if (!status.data)
    return (
      <main className="store-screen">
        <p className="store-card">Opening Concordat…</p>
      </main>
    );
  if (status.data.state === 'needs-setup')
    return <SetupScreen status={status.data} onDone={(s) => acceptStatus(queryClient, s)} />;
  if (status.data.state === 'locked') return <UnlockScreen status={status.data} />;
  return <>{children}</>;
}

/** The store's one-time notices, until dismissed; the app shows them in the toast stack (see ToastRegion). */
export function StoreNotices() {
  const queryClient = useQueryClient();
  const notices = useStoreNotices();
  if (notices.data.length === 0) return null;
  return (
    <div className="store-notices">
      {notices.data.map((n) => (
        <Notice key={n} tone="info">
          <span>{n}</span>
          <Button className="button" onPress={() => dismissNotice(queryClient, n)}>
            Dismiss
          </Button>
        </Notice>
      ))}
    </div>
  );
}

/** "Lock now" for the sidebar. */
export function LockNowButton({ className = 'button lock-now' }: { className?: string }) {
  const queryClient = useQueryClient();
  return (
    <Button className={className} onPress={() => void lockNow(queryClient)}>
      Lock now
    </Button>
  );
}
