import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ContextDefaults } from '../../../shared/documents/defaults';
import type { DirectoryContact, DirectoryOrganisation, ResolveContext } from '../../../shared/documents/resolve';
import type { Template } from '../../../shared/documents/template-schema';
import { directoryIds } from '../../../shared/documents/values';
import type { ProtectiveMarking } from '../../../shared/markings';
import { call } from '../api/client';
import { useCoordinatorRecord } from '../settings/queries';
import { documentKeys } from './queries';

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
    queryKey: documentKeys.resolve(key),
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
  return useQuery({ queryKey: documentKeys.settings(), queryFn: () => call('settings.get', {}) });
}

/**
 * What the app offers a document as defaults: the coordinator's post (when Settings links them to
 * the directory) and the version history kept from the lifecycle. Main applies the same on agreeing
 * and exporting, so the form, the preview and the export agree.
 */
export function useContextDefaults(documentId: number, coordinatorPersonId: number | null | undefined): ContextDefaults {
  const personId = coordinatorPersonId ?? null;
  const coordinator = useCoordinatorRecord(personId);
  const history = useQuery({
    queryKey: documentKeys.history(documentId),
    queryFn: () => call('documentHistory.rows', { id: documentId }),
  });
  const post = personId === null ? null : (coordinator.data?.postId ?? null);
  return useMemo(
    () => ({
      coordinator: post,
      date: new Date().toISOString().slice(0, 10),
      ...(history.data ? { versionHistory: history.data } : {}),
    }),
    [post, history.data],
  );
}

export function previewContext(
  partnership: { name: string; area: string; coordinatorName: string; coordinatorEmail: string } | undefined,
  doc: { title: string; version: string; marking: ProtectiveMarking; reviewDate?: string | null; status?: string },
  dir: DirectoryCache,
  defaults?: ContextDefaults,
): ResolveContext {
  return {
    partnership: partnership ?? { name: '', area: '', coordinatorName: '', coordinatorEmail: '' },
    document: { ...doc, date: new Date().toISOString().slice(0, 10) },
    directory: { organisations: dir.organisations, contacts: dir.contacts },
    includeGuidance: true,
    ...(defaults ? { defaults } : {}),
  };
}
