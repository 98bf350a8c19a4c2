import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { DocumentDetail } from '../../../shared/contract/documents';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';
import { documentKeys } from './queries';

/**
 * A change answered with the whole document: the answer replaces the cached document, and the list
 * and the document's history are refreshed; then the screen reacts.
 */
function useDocumentChange<V>(id: number, run: (vars: V) => Promise<DocumentDetail>, on: Reactions<DocumentDetail, V> = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (d: DocumentDetail, vars: V) => {
      client.setQueryData(documentKeys.detail(id), d);
      void client.invalidateQueries({ queryKey: documentKeys.list() });
      void client.invalidateQueries({ queryKey: documentKeys.history(id) });
      await on.onSuccess?.(d, vars);
    },
    onError: (error: Error, vars: V) => on.onError?.(error, vars),
  });
}

/** Agreeing a document records a note and who agreed it; every other status is just set. */
export type StatusChange =
  ({ to: 'agreed' } & Omit<RequestOf<'documents.agree'>, 'id'>) | { to: RequestOf<'documents.setStatus'>['status'] };

/** Move a document on (to review, agreed, superseded…), after `first` (the editor saving what was typed). */
export const useChangeStatus = (id: number, on: Reactions<DocumentDetail, StatusChange> & { first?: () => Promise<void> } = {}) =>
  useDocumentChange(
    id,
    async (change: StatusChange) => {
      await on.first?.();
      if (change.to === 'agreed') {
        const { to: _to, ...agree } = change;
        return call('documents.agree', { id, ...agree });
      }
      return call('documents.setStatus', { id, status: change.to });
    },
    on,
  );

/** Record (or clear) the date a signatory signed. */
export const useSign = (id: number, on?: Reactions<DocumentDetail, Omit<RequestOf<'documents.sign'>, 'id'>>) =>
  useDocumentChange(id, (req: Omit<RequestOf<'documents.sign'>, 'id'>) => call('documents.sign', { id, ...req }), on);

/** A new draft of the document on its template's newer version; every documents query is refreshed. */
export function useReviseOnTemplate(id: number, on: Reactions<ResponseOf<'documentRevisions.reviseOnTemplate'>, void> = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('documentRevisions.reviseOnTemplate', { id }),
    onSuccess: async (doc) => {
      await client.invalidateQueries({ queryKey: documentKeys.all });
      await on.onSuccess?.(doc, undefined);
    },
    onError: (error: Error) => on.onError?.(error, undefined),
  });
}

/** A change to the template library: the call, then the library list refreshed, then the screen's reaction. */
function useTemplatesChange<V, R>(run: (vars: V) => Promise<R>, on: Reactions<R, V> = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result: R, vars: V) => {
      void client.invalidateQueries({ queryKey: documentKeys.templates() });
      await on.onSuccess?.(result, vars);
    },
    onError: (error: Error, vars: V) => on.onError?.(error, vars),
  });
}

export const useDuplicateTemplate = (on?: Reactions<ResponseOf<'documents.templates.duplicate'>, string>) =>
  useTemplatesChange((key: string) => call('documents.templates.duplicate', { key }), on);

export const useDeleteTemplate = (on?: Reactions<ResponseOf<'documents.templates.delete'>, string>) =>
  useTemplatesChange((key: string) => call('documents.templates.delete', { key }), on);

/** Save a template's text; the screen reacts once the template itself has been read back. */
export function useSaveTemplate(key: string, on: Reactions<ResponseOf<'documents.templates.save'>, string> = {}) {
  const client = useQueryClient();
  return useTemplatesChange(async (json: string) => {
    const saved = await call('documents.templates.save', { key, json });
    await client.invalidateQueries({ queryKey: documentKeys.template(key) });
    return saved;
  }, on);
}

/** Add a template from a file's text (checked by main before it joins the library). */
export const useImportTemplate = (on?: Reactions<ResponseOf<'documents.templates.import'>, string>) =>
  useTemplatesChange((text: string) => call('documents.templates.import', { text }), on);

/** A new draft from a template. The list refreshes behind the editor it opens in, not before it. */
export function useCreateDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: RequestOf<'documents.create'>) => call('documents.create', req),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: documentKeys.list() });
    },
  });
}
