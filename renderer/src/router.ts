import { useSyncExternalStore } from 'react';

/** A tiny hash router: the location survives a reload and needs no server routes. */
function read(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, read);
}

export function navigate(path: string): void {
  if (read() !== path) window.location.hash = path;
}

/** The first path segment: '/partners/12' → 'partners'. */
export function section(route: string): string {
  return route.split('/')[1] ?? '';
}
