import type { StoreNotice } from '../../shared/backups';
import { log } from '../logger';

/**
 * What the coordinator must be told about the store (damage found, a backup restored, a journal
 * lost). Kept for this run of the app until dismissed; each one is also written to the log file.
 */
export class StoreNotices {
  private list: StoreNotice[] = [];
  private listeners: ((n: StoreNotice) => void)[] = [];
  add(notice: Omit<StoreNotice, 'id' | 'at'>, at = new Date()): StoreNotice {
    const full = { ...notice, id: `${at.getTime().toString(36)}-${this.list.length}`, at: at.toISOString() };
    this.list.push(full);
    log.warn(`store notice: ${notice.title}`);
    for (const l of this.listeners) l(full);
    return full;
  }
  onAdd(listener: (n: StoreNotice) => void): void {
    this.listeners.push(listener);
  }
  all(): StoreNotice[] {
    return [...this.list];
  }
  dismiss(id: string): void {
    this.list = this.list.filter((n) => n.id !== id);
  }
}

/** A time as the coordinator reads it: "1 December 2026 at 21:06" in UK time. */
export function plainTime(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `${date} at ${time}`;
}
