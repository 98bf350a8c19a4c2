import { useSyncExternalStore } from 'react';

/**
 * The one router: hash locations (they survive a reload and need no server routes), parsed in one
 * place into a typed Route, and built by the `to` helpers, so a screen never splits a path itself.
 *
 * Why not TanStack Router: every screen here is already a switch on its area's path, the areas are
 * merged from parallel branches, and the app needs just two things a router library adds, typing and
 * a leave guard. Both fit in this file without a new dependency or a rewrite of each screen.
 */
export type PartnersView = 'people' | 'organisations' | 'coverage' | 'import';
export type Route =
  | { area: 'partners'; view: PartnersView; id: number | 'new' | null; mode: string | null }
  | { area: 'meetings'; view: 'list' | 'new' }
  | { area: 'meetings'; view: 'meeting'; id: number; tab: string | undefined }
  | { area: 'meetings'; view: 'edit'; id: number }
  | { area: 'meetings'; view: 'actions'; id: number | null }
  | { area: 'meetings'; view: 'sharing' }
  | { area: 'documents'; view: 'list' | 'review' | 'templates' | 'matrix' | 'checks' }
  | { area: 'documents'; view: 'document'; id: number }
  | { area: 'documents'; view: 'template'; key: string }
  | { area: 'other'; section: string; parts: string[] };

const num = (s: string | undefined): number | null => (s && /^\d+$/.test(s) ? Number(s) : null);
const PARTNER_VIEWS: readonly PartnersView[] = ['people', 'organisations', 'coverage', 'import'];

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean);
  const [section = '', a, b, c] = parts;
  if (section === 'partners') {
    const view = (PARTNER_VIEWS as readonly string[]).includes(a ?? '') ? (a as PartnersView) : 'people';
    return { area: 'partners', view, id: b === 'new' ? 'new' : num(b), mode: c ?? null };
  }
  if (section === 'meetings') {
    if (a === 'actions') return { area: 'meetings', view: 'actions', id: num(b) };
    if (a === 'sharing') return { area: 'meetings', view: 'sharing' };
    if (a === 'new') return { area: 'meetings', view: 'new' };
    const id = num(a);
    if (id !== null && b === 'edit') return { area: 'meetings', view: 'edit', id };
    if (id !== null) return { area: 'meetings', view: 'meeting', id, tab: b };
    return { area: 'meetings', view: 'list' };
  }
  if (section === 'documents') {
    if (a === 'templates' && b) return { area: 'documents', view: 'template', key: b };
    if (a === 'templates' || a === 'review' || a === 'matrix' || a === 'checks') return { area: 'documents', view: a };
    const id = num(a);
    if (id !== null) return { area: 'documents', view: 'document', id };
    return { area: 'documents', view: 'list' };
  }
  return { area: 'other', section, parts: parts.slice(1) };
}

/** Paths for every place in the app. */
export const to = {
  area: (key: string) => `/${key}`,
  partners: (view: PartnersView = 'people') => `/partners/${view}`,
  person: (id: number | 'new', mode?: 'edit') => `/partners/people/${id}${mode ? `/${mode}` : ''}`,
  organisation: (id: number | 'new', mode?: 'edit' | 'add-person') => `/partners/organisations/${id}${mode ? `/${mode}` : ''}`,
  meetings: () => '/meetings',
  newMeeting: () => '/meetings/new',
  meeting: (id: number, tab?: string) => `/meetings/${id}${tab ? `/${tab}` : ''}`,
  editMeeting: (id: number) => `/meetings/${id}/edit`,
  actions: (id?: number) => `/meetings/actions${id ? `/${id}` : ''}`,
  sharing: () => '/meetings/sharing',
  documents: () => '/documents',
  document: (id: number) => `/documents/${id}`,
  templates: () => '/documents/templates',
  template: (key: string) => `/documents/templates/${key}`,
  plans: () => '/plans',
  plan: (id: number) => `/plans/${id}`,
  settings: () => '/settings',
} as const;

function read(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

/* ---------- leave guard ---------- */

/** inApp false: the form keeps its own draft (session storage), so only closing the window loses it. */
type Guard = { message: string; inApp: boolean };
const guards = new Set<Guard>();
type Ask = { message: string; leave: () => void };
let asking: Ask | null = null;
const askListeners = new Set<() => void>();
const setAsking = (next: Ask | null) => {
  asking = next;
  for (const l of askListeners) l();
};
let lastPath = typeof window === 'undefined' ? '/' : read();
let bypass = false;

/** Register a form's unsaved state; returns the function that removes it. */
export function addGuard(guard: Guard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

const firstGuard = (): Guard | undefined => [...guards].find((g) => g.inApp);
const guarded = () => firstGuard() !== undefined;

/** The question the leave guard is asking now, for the one dialog that shows it (see LeaveGuardHost). */
export function useLeaveQuestion(): Ask | null {
  return useSyncExternalStore(
    (l) => {
      askListeners.add(l);
      return () => askListeners.delete(l);
    },
    () => asking,
  );
}

export const stay = () => setAsking(null);

function go(path: string): void {
  bypass = true;
  lastPath = path;
  window.location.hash = path;
  // hashchange is asynchronous; clear the bypass after it has been handled.
  setTimeout(() => (bypass = false), 0);
}

/**
 * Go to a path; if a form has unsaved changes, ask first. `force` is for a form that has just saved
 * or been discarded on purpose: its guard has not caught up yet, and there is nothing to lose.
 */
export function navigate(path: string, options: { force?: boolean } = {}): void {
  if (read() === path) return;
  const guard = options.force ? undefined : firstGuard();
  if (guard) {
    setAsking({
      message: guard.message,
      leave: () => {
        for (const g of [...guards]) if (g.inApp) guards.delete(g);
        setAsking(null);
        go(path);
      },
    });
    return;
  }
  go(path);
}

if (typeof window !== 'undefined') {
  // A link inside the app: ask before the hash changes, because once the route changes the screen
  // (and its edits) is gone.
  document.addEventListener(
    'click',
    (event) => {
      if (!guarded() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
      if (!link) return;
      const path = link.getAttribute('href')!.slice(1);
      if (path === read()) return;
      event.preventDefault();
      navigate(path);
    },
    true,
  );
  // Back and Forward (or a typed address) change the hash without a click: put it back and ask.
  // Registered at load, so it runs before React reads the new location.
  window.addEventListener('hashchange', () => {
    const now = read();
    if (bypass || !guarded() || now === lastPath) {
      lastPath = now;
      return;
    }
    const previous = lastPath;
    window.history.replaceState(null, '', `#${previous}`);
    navigate(now);
  });
  // Reload and window close: the browser (or Electron's will-prevent-unload) asks.
  window.addEventListener('beforeunload', (event) => {
    if (guards.size > 0) event.preventDefault();
  });
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, read);
}

export function useTypedRoute(): Route {
  return parseRoute(useRoute());
}

/** The first path segment: '/partners/12' → 'partners'. */
export function section(route: string): string {
  return route.split('/')[1] ?? '';
}
