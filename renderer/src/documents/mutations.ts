import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../../shared/contract';
import type { DocumentDetail } from '../../../shared/contract/documents';
import type { ProtectiveMarking } from '../../../shared/markings';
import { call } from '../api/client';
import type { Reactions } from '../api/reactions';
import { isStale } from '../ui/errors';
import { useLeaveGuard } from '../ui/leave-guard';
import { mergeEdits } from '../ui/stale-write';
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

/** What the editor lets the coordinator change in a draft. */
export type DocumentDraft = {
  title: string;
  values: Record<string, unknown>;
  reviewDate: string | null;
  marking: ProtectiveMarking;
};
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

const AUTOSAVE_MS = 700;

/** A save refused because the document changed elsewhere: that version, and what both sides changed. */
export type DocumentConflict = { theirs: DocumentDetail; conflicts: string[] };

/** Mine on top of theirs, field by field (the title, review date and marking, and each answer), and the fields both changed differently. */
function mergeDrafts(
  base: DocumentDraft,
  mine: DocumentDraft,
  theirs: DocumentDraft,
): { merged: DocumentDraft; conflicts: string[] } {
  const top = (d: DocumentDraft) => ({ title: d.title, reviewDate: d.reviewDate, marking: d.marking });
  const head = mergeEdits(top(base), top(mine), top(theirs));
  const values = mergeEdits(base.values, mine.values, theirs.values);
  return { merged: { ...head.merged, values: values.merged }, conflicts: [...head.conflicts, ...values.conflicts].map(String) };
}

const draftOf = (d: DocumentDetail): DocumentDraft => ({
  title: d.title,
  values: d.values,
  reviewDate: d.reviewDate,
  marking: d.marking,
});

/**
 * The document editor's autosave. `draft` is what the form shows: the stored document until the
 * first change, then what was typed. `change` takes a new draft and saves it once typing pauses;
 * `flush` saves what is waiting now (Ctrl+S, before exporting or moving the document on) and
 * resolves once everything typed so far is saved or refused. Leaving the editor saves too.
 *
 * Each save is based on the revision the editor last read or wrote, and main refuses one based on
 * an older revision (the document changed in another window), so nothing is written over unseen.
 * Saves go one at a time, each on the revision the one before it answered. A refused or failed save
 * keeps what was typed waiting (and the leave guard on) for the next change or `flush`, and
 * `onError` says why. `adopt` takes the revision of a document main answered some other change
 * with (its status, a signature). `onError` should keep its identity between renders.
 *
 * A save refused as stale reads the document as it now is into `conflict` instead of calling
 * `onError`: `keepMine` puts what was typed on top of that version, field by field (see
 * mergeEdits), and saves it; `takeTheirs` drops what was typed and shows that version.
 */
export function useDocumentAutosave(id: number, stored: DocumentDetail | undefined, onError: (error: Error) => void) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: ({ draft, revision }: { draft: DocumentDraft; revision: number }) =>
      call('documents.update', {
        id,
        revision,
        title: draft.title.trim() || 'Untitled document',
        values: draft.values,
        reviewDate: draft.reviewDate || null,
        marking: draft.marking,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: documentKeys.list() });
    },
  });
  const { mutateAsync } = save;
  // Edits; null until the first change, so the form shows what is stored.
  const [edited, setEdited] = useState<DocumentDraft | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const revision = useRef(0);
  // The draft as last read or saved: what a merge compares both sides with.
  const base = useRef<DocumentDraft | null>(null);
  const [conflict, setConflict] = useState<DocumentConflict | null>(null);
  const pending = useRef<DocumentDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The save under way (or the last one), so the next waits for its revision.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const draft = useMemo(() => edited ?? (stored ? draftOf(stored) : null), [edited, stored]);
  useEffect(() => {
    if (stored && edited === null) {
      revision.current = stored.revision;
      base.current = draftOf(stored);
    }
  }, [stored, edited]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = queue.current.then(async () => {
      const next = pending.current;
      if (!next) return;
      pending.current = null;
      setSaveState('saving');
      try {
        const r = await mutateAsync({ draft: next, revision: revision.current });
        revision.current = r.revision;
        base.current = next;
        setSaveState(pending.current ? 'unsaved' : 'saved');
      } catch (e) {
        pending.current ??= next;
        setSaveState('error');
        if (isStale(e)) {
          try {
            const theirs = await call('documents.get', { id });
            client.setQueryData(documentKeys.detail(id), theirs);
            const mine = pending.current;
            setConflict({
              theirs,
              conflicts: mine ? mergeDrafts(base.current ?? draftOf(theirs), mine, draftOf(theirs)).conflicts : [],
            });
            return;
          } catch {
            // The document cannot be read again: say why the save failed instead.
          }
        }
        onError(e instanceof Error ? e : new Error(String(e)));
      }
    });
    queue.current = run;
    return run;
  }, [mutateAsync, onError, client, id]);

  const change = (next: DocumentDraft) => {
    setEdited(next);
    pending.current = next;
    setSaveState('unsaved');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  // Leaving the screen saves what was typed rather than dropping it.
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );
  useLeaveGuard(saveState !== 'saved', { inApp: false });

  const adopt = useCallback((d: DocumentDetail) => {
    revision.current = d.revision;
  }, []);

  const keepMine = () => {
    if (!conflict) return;
    const theirs = draftOf(conflict.theirs);
    const { merged } = mergeDrafts(base.current ?? theirs, pending.current ?? theirs, theirs);
    revision.current = conflict.theirs.revision;
    base.current = theirs;
    setConflict(null);
    setEdited(merged);
    pending.current = merged;
    void flush();
  };
  const takeTheirs = () => {
    if (!conflict) return;
    revision.current = conflict.theirs.revision;
    base.current = draftOf(conflict.theirs);
    pending.current = null;
    setConflict(null);
    setEdited(draftOf(conflict.theirs));
    setSaveState('saved');
  };

  return { draft, change, flush, saveState, adopt, conflict, keepMine, takeTheirs };
}
