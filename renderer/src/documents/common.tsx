import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { DocumentStatus } from '../../../shared/contract/documents';
import { STATUS_LABELS } from '../../../shared/contract/documents';
import type { DirectoryContact, DirectoryOrganisation, ResolveContext } from '../../../shared/documents/resolve';
import type { Template } from '../../../shared/documents/template-schema';
import { directoryIds } from '../../../shared/documents/values';
import type { ProtectiveMarking } from '../../../shared/markings';
import { ApiError, call } from '../api/client';
import { navigate, useRoute } from '../router';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.details.length > 0 ? `${error.message} ${error.details.join(' ')}` : error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>;
}

export const ukDate = (iso: string | null | undefined) =>
  iso
    ? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
    : '';

/** The sub-navigation of the Documents area. */
export function DocumentsTabs() {
  const route = useRoute();
  const tabs = [
    { href: '/documents', label: 'All documents', match: (r: string) => r === '/documents' || /^\/documents\/\d+/.test(r) },
    { href: '/documents/review', label: 'Review due', match: (r: string) => r.startsWith('/documents/review') },
    { href: '/documents/templates', label: 'Templates', match: (r: string) => r.startsWith('/documents/templates') },
    { href: '/documents/matrix', label: 'Signatory matrix', match: (r: string) => r.startsWith('/documents/matrix') },
    { href: '/documents/checks', label: 'Reference checks', match: (r: string) => r.startsWith('/documents/checks') },
  ];
  return (
    <nav className="docs-tabs" aria-label="Documents">
      {tabs.map((t) => (
        <a key={t.href} href={`#${t.href}`} aria-current={t.match(route) ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}

/** A modal dialog with a title; closes on Escape. */
export function ModalDialog({
  title,
  isOpen,
  onClose,
  children,
  wide,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable>
      <Modal className={`modal${wide ? ' wide' : ''}`}>
        <Dialog aria-label={title} className="dialog">
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export function ConfirmDialog({
  title,
  isOpen,
  onClose,
  onConfirm,
  confirmLabel,
  danger,
  children,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <ModalDialog title={title} isOpen={isOpen} onClose={onClose}>
      <div>{children}</div>
      <div className="form-actions" style={{ marginTop: 16 }}>
        <Button
          className={`button ${danger ? 'danger' : 'primary'}`}
          onPress={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirmLabel}
        </Button>
        <Button className="button" onPress={onClose}>
          Cancel
        </Button>
      </div>
    </ModalDialog>
  );
}

export type DirectoryCache = {
  organisations: ReadonlyMap<number, DirectoryOrganisation>;
  contacts: ReadonlyMap<number, DirectoryContact>;
  remember: (orgs: readonly DirectoryOrganisation[], contacts: readonly DirectoryContact[]) => void;
};

/** Directory entries the open document names, looked up once and remembered as more are picked. */
export function useDirectoryCache(template: Template | undefined, values: Record<string, unknown>): DirectoryCache {
  const [organisations, setOrgs] = useState<ReadonlyMap<number, DirectoryOrganisation>>(new Map());
  const [contacts, setContacts] = useState<ReadonlyMap<number, DirectoryContact>>(new Map());
  const remember = useCallback((os: readonly DirectoryOrganisation[], cs: readonly DirectoryContact[]) => {
    if (os.length) setOrgs((m) => (os.every((o) => m.has(o.id)) ? m : new Map([...m, ...os.map((o) => [o.id, o] as const)])));
    if (cs.length) setContacts((m) => (cs.every((c) => m.has(c.id)) ? m : new Map([...m, ...cs.map((c) => [c.id, c] as const)])));
  }, []);
  const missing = useMemo(() => {
    if (!template) return { organisationIds: [], contactIds: [] };
    const ids = directoryIds(template, values);
    return {
      organisationIds: ids.organisations.filter((i) => !organisations.has(i)),
      contactIds: ids.contacts.filter((i) => !contacts.has(i)),
    };
  }, [template, values, organisations, contacts]);
  const key = `${missing.organisationIds.join(',')}|${missing.contactIds.join(',')}`;
  useQuery({
    queryKey: ['documents', 'directory', 'resolve', key],
    queryFn: async () => {
      const found = await call('directory.resolve', missing);
      remember(found.organisations, found.contacts);
      return found;
    },
    enabled: missing.organisationIds.length + missing.contactIds.length > 0,
  });
  return { organisations, contacts, remember };
}

export function usePartnership() {
  return useQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
}

export function previewContext(
  partnership: { name: string; area: string; coordinatorName: string; coordinatorEmail: string } | undefined,
  doc: { title: string; version: string; marking: ProtectiveMarking; reviewDate?: string | null; status?: string },
  dir: DirectoryCache,
): ResolveContext {
  return {
    partnership: partnership ?? { name: '', area: '', coordinatorName: '', coordinatorEmail: '' },
    document: { ...doc, date: new Date().toISOString().slice(0, 10) },
    directory: { organisations: dir.organisations, contacts: dir.contacts },
    includeGuidance: true,
  };
}

export const go = (path: string) => () => navigate(path);

/**
 * Ask before following a link inside the app would drop unsaved work. Links are checked before the
 * hash changes, because once the route changes the screen (and its edits) is gone.
 */
export function useLeaveGuard(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
      if (!link || link.getAttribute('href') === window.location.hash) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [dirty, message]);
}
