import { checkExternalUrl } from '../../shared/links';

/**
 * Pure security policy for the Electron shell and the browser host. Kept free of Electron imports
 * so it is unit-tested under Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'concordat';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React Aria positions popovers with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Is this URL part of the packaged app (the only place the window may navigate)? */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** Links to the web open in the system browser, and only these kinds (https without credentials, mailto). */
export function isAllowedExternalUrl(url: string): boolean {
  return checkExternalUrl(url).ok;
}

/** What to do when the page tries to navigate or open a window. */
export function navigationDecision(url: string): 'allow' | 'open-external' | 'deny' {
  if (isAppUrl(url)) return 'allow';
  if (isAllowedExternalUrl(url)) return 'open-external';
  return 'deny';
}

/** Map an app:// request to a file below the renderer folder, or null if it escapes it. */
export function resolveAppAsset(url: string, rendererDir: string, sep = '/'): string | null {
  const u = parse(url);
  if (!u || !isAppUrl(url)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0'))) return null;
  return [rendererDir.replace(/[/\\]+$/, ''), ...parts].join(sep);
}

/**
 * Closing or reloading the window while a form has unsaved changes: the page refuses the unload
 * (beforeunload), and main asks the person instead of silently keeping the window open.
 */
export const UNLOAD_QUESTION = {
  type: 'question' as const,
  buttons: ['Leave without saving', 'Stay on this page'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  title: 'Unsaved changes',
  message: 'You have changes that are not saved.',
  detail: 'If you leave now, the changes are lost.',
};

/** Whether the unload should go ahead, given the button the person chose. */
export const leaveDespiteUnsaved = (response: number): boolean => response === 0;
