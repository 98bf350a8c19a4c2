import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/contract';
import type { ImportPreview } from '../../../shared/contract/partners';
import type { ImportJobProgress } from '../../../shared/contract/partners-import';
import type { SaveOutcome } from '../../../shared/files';
import type { ColumnMapping } from '../../../shared/partners/csv-import';
import type { OrganisationInput, PersonInput, Post } from '../../../shared/partners/domain';
import { emptyPerson } from '../../../shared/partners/domain';
import { londonToday } from '../../../shared/meetings/time';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';
import { isStale } from '../ui/errors';
import { partnerKeys } from './queries';

/** A new organisation's optional single point of contact, saved as a person in a post there. */
export type OrganisationContact = { contactName: string; contactJobTitle: string; contactEmail: string; contactPhone: string };
type Based<T> = { value: T; version: number };
/** A save refused because the record changed elsewhere calls `onStale` (not `onError`); the record is fetched again for the merge. */
type StaleReactions<D, V> = Reactions<D, V> & { onStale?: () => void };

/**
 * The reactions a partners change runs with: once it is done every partners query is refreshed
 * (lists, counts and the open record), then the screen's `onSuccess`. A save refused as stale
 * (an edit of `staleRecord`, that record's query key) fetches the record again and runs `onStale`
 * instead of `onError`.
 */
function useRefreshing() {
  const queryClient = useQueryClient();
  return <D, V>(reactions: StaleReactions<D, V>, staleRecord: readonly unknown[] | null = null) => ({
    onSuccess: (saved: D, variables: V) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      reactions.onSuccess?.(saved, variables);
    },
    onError: (e: Error, variables: V) => {
      if (isStale(e) && staleRecord !== null) {
        reactions.onStale?.();
        void queryClient.invalidateQueries({ queryKey: staleRecord });
        return;
      }
      reactions.onError?.(e, variables);
    },
  });
}

/** Creates (with its contact) or updates an organisation; `id` null is a new one. */
export function useSaveOrganisation(
  id: number | null,
  reactions: StaleReactions<{ id: number }, Based<OrganisationInput & OrganisationContact>>,
) {
  const refreshing = useRefreshing();
  return useMutation({
    mutationFn: async ({ value, version: basedOn }: Based<OrganisationInput & OrganisationContact>) => {
      const { contactName, contactJobTitle, contactEmail, contactPhone, ...organisation } = value;
      if (id !== null) return call('partners.organisations.update', { id, version: basedOn, value: organisation });
      // A new organisation can bring its single point of contact in the same form.
      const created = await call('partners.organisations.create', organisation);
      if (contactName !== '') {
        await call('partners.people.create', {
          value: { ...emptyPerson(), name: contactName },
          post: {
            organisationId: created.id,
            jobTitle: contactJobTitle,
            email: contactEmail,
            phone: contactPhone,
            isSpoc: true,
            startedOn: null,
          },
        });
      }
      return created;
    },
    ...refreshing(reactions, id === null ? null : partnerKeys.organisation(id)),
  });
}

/** The post a new person starts in, when they are added from an organisation's page. */
export type FirstPost = Omit<RequestOf<'partners.posts.add'>['value'], 'organisationId' | 'startedOn'>;

/** Creates (in a first post at `organisation`, if given) or updates a person; `id` null is a new one. */
export function useSavePerson(
  id: number | null,
  organisation: { id: number } | undefined,
  reactions: StaleReactions<{ id: number }, Based<PersonInput & FirstPost>>,
) {
  const refreshing = useRefreshing();
  return useMutation({
    mutationFn: ({ value, version: basedOn }: Based<PersonInput & FirstPost>) => {
      const { jobTitle, email, phone, isSpoc, ...person } = value;
      if (id !== null) return call('partners.people.update', { id, version: basedOn, value: person });
      return call('partners.people.create', {
        value: person,
        post: organisation ? { organisationId: organisation.id, jobTitle, email, phone, isSpoc, startedOn: null } : null,
      });
    },
    ...refreshing(reactions, id === null ? null : partnerKeys.person(id)),
  });
}

/** Archiving or restoring an organisation or a person (the channel flips whichever it is now). */
function useArchive(
  channel: 'partners.organisations.archive' | 'partners.people.archive',
  record: { id: number; archivedAt: string | null },
  reactions: Reactions<{ name: string; archivedAt: string | null }>,
) {
  const refreshing = useRefreshing();
  return useMutation({
    mutationFn: () => call(channel, { id: record.id, archived: record.archivedAt === null }),
    ...refreshing(reactions),
  });
}

export const useArchiveOrganisation = (
  organisation: { id: number; archivedAt: string | null },
  reactions: Reactions<{ name: string; archivedAt: string | null }>,
) => useArchive('partners.organisations.archive', organisation, reactions);

export const useArchivePerson = (
  person: { id: number; archivedAt: string | null },
  reactions: Reactions<{ name: string; archivedAt: string | null }>,
) => useArchive('partners.people.archive', person, reactions);

/**
 * Erasing a person, with the privacy request logged first (so the log keeps it, their name
 * replaced, once it is done) and then closed. Everything cached is refreshed: they were named anywhere.
 */
export function useErasePerson(
  person: { id: number; name: string },
  reactions: Reactions<void, { confirmName: string; logRequest: boolean }>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ confirmName, logRequest }: { confirmName: string; logRequest: boolean }) => {
      const request = logRequest
        ? await call('privacy.requests.create', {
            kind: 'erasure',
            subject: person.name,
            personId: person.id,
            receivedOn: londonToday(new Date()),
            note: '',
          })
        : null;
      await call('partners.people.erase', { id: person.id, confirmName });
      if (request) {
        const [logged] = (await call('privacy.requests.list', {})).filter((r) => r.id === request.id);
        if (logged)
          await call('privacy.requests.update', {
            id: logged.id,
            version: logged.version,
            status: 'done',
            completedOn: null,
            note: logged.note,
          });
      }
    },
    onSuccess: (_, variables) => {
      queryClient.removeQueries({ queryKey: partnerKeys.person(person.id) });
      void queryClient.invalidateQueries();
      reactions.onSuccess?.(undefined, variables);
    },
    onError: (e, variables) => reactions.onError?.(e, variables),
  });
}

/** The directory as CSV; vCards for the given people, or for everyone when null. */
export function useExportDirectory(format: 'csv' | 'vcard', personIds: number[] | null, reactions: Reactions<SaveOutcome>) {
  return useMutation({
    mutationFn: () => call(format === 'csv' ? 'partners.exportCsv' : 'partners.exportVcard', { personIds }),
    ...reactions,
  });
}

/** Marking or unmarking a post as its organisation's SPOC. */
export function useToggleSpoc(post: Post, reactions: Reactions<Post>) {
  const refreshing = useRefreshing();
  return useMutation({
    mutationFn: () =>
      call('partners.posts.update', {
        id: post.id,
        version: post.version,
        value: { jobTitle: post.jobTitle, email: post.email, phone: post.phone, isSpoc: !post.isSpoc, startedOn: post.startedOn },
      }),
    ...refreshing(reactions),
  });
}

export function useEndPost(post: { id: number }, reactions: Reactions<Post>) {
  const refreshing = useRefreshing();
  return useMutation({
    mutationFn: () => call('partners.posts.end', { id: post.id, endedOn: null }),
    ...refreshing(reactions),
  });
}

export function useAddPost(personId: number, reactions: Reactions<Post, RequestOf<'partners.posts.add'>['value']>) {
  const refreshing = useRefreshing();
  return useMutation({
    mutationFn: (value: RequestOf<'partners.posts.add'>['value']) => call('partners.posts.add', { personId, value }),
    ...refreshing(reactions),
  });
}

export function useImportPreview(reactions: Reactions<ImportPreview, { text: string; mapping: ColumnMapping | null }>) {
  return useMutation({
    mutationFn: (args: { text: string; mapping: ColumnMapping | null }) => call('partners.importPreview', args),
    ...reactions,
  });
}

const POLL_MS = 250;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The import runs as a job in main; this polls it for progress (main cannot push to the page) and
 * ends with its last state, done, failed or cancelled. The directory is refreshed whatever the end.
 */
export function useImportCommit(
  onProgress: (progress: ImportJobProgress) => void,
  reactions: Reactions<ImportJobProgress, { preview: ImportPreview; request: RequestOf<'partners.import.start'> }>,
) {
  const refreshing = useRefreshing();
  return useMutation({
    mutationFn: async ({ request }: { preview: ImportPreview; request: RequestOf<'partners.import.start'> }) => {
      let progress = await call('partners.import.start', request);
      while (progress.state === 'running') {
        onProgress(progress);
        await wait(POLL_MS);
        progress = await call('partners.import.progress', { jobId: progress.jobId });
      }
      return progress;
    },
    ...refreshing(reactions),
  });
}

export function useCancelImport(reactions: Reactions<ImportJobProgress, string>) {
  return useMutation({ mutationFn: (jobId: string) => call('partners.import.cancel', { jobId }), ...reactions });
}
