import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;

/**
 * Call onIdle after `minutes` without keyboard, pointer or touch activity in the window; 0 turns it off.
 * The time is checked against the clock, so a laptop waking from sleep locks at once.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  useEffect(() => {
    if (minutes <= 0) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let fired = false;
    const bump = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, bump, { capture: true, passive: true });
    const timer = window.setInterval(
      () => {
        if (!fired && Date.now() - last >= limit) {
          fired = true;
          onIdle();
        }
      },
      Math.min(15_000, limit / 4),
    );
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, bump, { capture: true });
    };
  }, [minutes, onIdle]);
}
