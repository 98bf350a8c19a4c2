import { useQuery } from '@tanstack/react-query';
import { partnerKeys } from './queries';
import { useState } from 'react';
import { Button, Dialog, Heading, Input, Label, Modal, TextField } from 'react-aria-components';
import type { PersonDetail } from '../../../shared/partners/domain';
import { formatPhone } from '../../../shared/partners/phone';
import type { ErasurePreview } from '../../../shared/privacy/model';
import { call } from '../api/client';
import { Notice } from '../ui/notice';
import '../privacy/privacy.css';
import { navigate } from '../ui/router';
import { CheckboxField } from '../ui/fields';
import { ErrorDetails, errorText } from '../ui/errors';
import { RemovalImpactList } from './impact-list';
import { useErasePerson } from './mutations';
import { DialogActions } from '../ui/dialog';

/**
 * Erasing a person: the preview of where they appear and what will change, then the confirmation
 * by typing their name.
 */
export function EraseDialog({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const [typed, setTyped] = useState('');
  const [logRequest, setLogRequest] = useState(true);
  const preview = useQuery({
    queryKey: partnerKeys.erasurePreview(person.id),
    queryFn: () => call('partners.people.erasurePreview', { id: person.id }),
  });
  const erase = useErasePerson(person, {
    onSuccess: () => {
      onClose();
      navigate('/partners/people');
    },
  });
  const matches = typed.trim().toLowerCase() === person.name.trim().toLowerCase();
  return (
    <Modal isOpen isDismissable onOpenChange={(o) => (o ? undefined : onClose())} className="ui-modal">
      <Dialog className="ui-dialog erase-dialog" aria-labelledby="erase-title">
        <Heading slot="title" id="erase-title">
          Erase {person.name} permanently?
        </Heading>
        <p>
          This removes the person and their posts, and replaces their name, email addresses and phone numbers wherever they were
          typed, agreed document versions included, with &ldquo;[erased person]&rdquo;, &ldquo;[erased email]&rdquo; or
          &ldquo;[erased phone]&rdquo;. It cannot be undone. The audit log will record only that an erasure happened. To keep them
          out of the lists but recoverable, archive them instead.
        </p>
        <RemovalImpactList
          kind="person"
          id={person.id}
          none="No draft names them, they own no open action, they are invited to no upcoming meeting and they are not the coordinator."
          onLeave={onClose}
        />
        <ErasurePreviewList preview={preview.data} loading={preview.isPending} error={preview.error} />
        <TextField className="field" value={typed} onChange={setTyped} autoFocus>
          <Label>Type their name to confirm</Label>
          <Input />
        </TextField>
        <CheckboxField label="Record this in the privacy request log" checked={logRequest} onChange={setLogRequest} />
        {erase.isError ? (
          <Notice tone="error">
            {errorText(erase.error, 'Could not erase.')}
            <ErrorDetails error={erase.error} />
          </Notice>
        ) : null}
        <DialogActions>
          <Button
            className="button danger"
            isDisabled={!matches || erase.isPending}
            onPress={() => erase.mutate({ confirmName: typed, logRequest })}
          >
            {erase.isPending ? 'Erasing…' : 'Erase permanently'}
          </Button>
          <Button className="button" onPress={onClose}>
            Cancel
          </Button>
        </DialogActions>
      </Dialog>
    </Modal>
  );
}

/** Where the person appears, so the coordinator sees what will change before confirming. */
function ErasurePreviewList({ preview, loading, error }: { preview?: ErasurePreview; loading: boolean; error: unknown }) {
  if (loading) return <p>Looking for where they appear…</p>;
  if (error || !preview) return <Notice tone="error">{errorText(error, 'Could not show where they appear.')}</Notice>;
  return (
    <section className="erase-preview" aria-labelledby="erase-preview-title" tabIndex={0}>
      <h3 id="erase-preview-title">What will change</h3>
      <p>
        Looking for {[...preview.terms.names, ...preview.terms.emails, ...preview.terms.phones.map(formatPhone)].join(', ')} in
        any case and spacing: {plural(preview.occurrences, 'mention')} in {plural(preview.matches.length, 'place')}, and{' '}
        {plural(preview.links.length, 'linked record')}.
      </p>
      <ul className="erase-preview-list" aria-label="Records linked to them">
        {preview.links.map((l, i) => (
          <li key={`l${i}`}>
            <strong>{l.kind}</strong>: {l.record} <span className="muted">({l.change.toLowerCase()})</span>
          </li>
        ))}
      </ul>
      <ul className="erase-preview-list" aria-label="Text that names them">
        {preview.matches.map((m) => (
          <li key={`${m.table}.${m.column}.${m.rowId}`}>
            <strong>{m.record}</strong>, {m.label.toLowerCase()}:
            {m.snippets.map((s, i) => (
              <q key={i} className="erase-snippet">
                <Snippet text={s} />
              </q>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A snippet from the preview: the matched text sits between « and ». */
function Snippet({ text }: { text: string }) {
  const open = text.indexOf('«');
  const close = text.indexOf('»', open);
  if (open < 0 || close < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, open)}
      <mark>{text.slice(open + 1, close)}</mark>
      {text.slice(close + 1)}
    </>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
