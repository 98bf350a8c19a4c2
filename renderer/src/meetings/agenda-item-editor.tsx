import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { AgendaItem } from '../../../shared/meetings/model';
import { Notice, useMessage } from '../ui/notice';
import { ExternalLink } from '../ui/external-link';
import { ConfirmButton } from '../ui/dialog';
import { DirectoryPicker } from '../ui/directory-picker';
import { NativeField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { StaleWriteNotice, useStaleWrite } from '../ui/stale-write';
import type { Picked } from '../ui/form';
import { FormActions } from '../ui/form';
import { peopleSource } from './queries';
import { useAddPaper, useRemoveAgendaItem, useRemovePaper, useSaveAgendaItem } from './mutations';

type ItemFields = { title: string; lead: Picked; minutesAllowed: string };
const ITEM_LABELS: Record<keyof ItemFields, string> = { title: 'item title', lead: 'lead', minutesAllowed: 'minutes allowed' };
const itemFields = (i: AgendaItem): ItemFields => ({
  title: i.title,
  lead: i.leadPersonId ? { id: i.leadPersonId, name: i.leadName } : null,
  minutesAllowed: i.minutesAllowed === null ? '' : String(i.minutesAllowed),
});

/** One agenda item's title, lead, time allowed and papers, saved on the version they were read at. */
export function AgendaItemEditor({ item, onClose }: { item: AgendaItem; onClose: () => void }) {
  const [title, setTitle] = useState(item.title);
  const [lead, setLead] = useState<Picked>(item.leadPersonId ? { id: item.leadPersonId, name: item.leadName } : null);
  const [minutes, setMinutes] = useState(item.minutesAllowed === null ? '' : String(item.minutesAllowed));
  // The version this editor's fields were read from: a save based on it is refused if the item (its
  // minutes too, from the minutes tab or another window) changed since, and the notice offers a merge.
  const stale = useStaleWrite({ version: item.version, value: itemFields(item) }, { labels: ITEM_LABELS });
  const mine: ItemFields = { title, lead, minutesAllowed: minutes };
  const show = (f: ItemFields) => {
    setTitle(f.title);
    setLead(f.lead);
    setMinutes(f.minutesAllowed);
  };
  const [link, setLink] = useState({ title: '', url: '' });
  const [message, setMessage] = useMessage(item.id);
  const onError = (e: unknown) => setMessage({ tone: 'error', text: errorText(e, 'That did not work.') });
  const save = useSaveAgendaItem({
    onSuccess: (saved) => {
      stale.rebase({ version: saved.version, value: itemFields(saved) });
      setMessage({ tone: 'success', text: 'Item saved.' });
    },
    onError,
    onStale: () => {
      setMessage(null);
      stale.refused();
    },
  });
  const addPaper = useAddPaper({
    onSuccess: () => {
      setLink({ title: '', url: '' });
      setMessage({ tone: 'success', text: 'Paper added.' });
    },
    onError,
  });
  const removePaper = useRemovePaper({ onError });
  const remove = useRemoveAgendaItem({ onSuccess: onClose, onError });
  return (
    <section className="editor" aria-label={`Edit agenda item “${item.title}”`}>
      <h2>Edit “{item.title}”</h2>
      <NativeField label="Item title" value={title} onChange={setTitle} required />
      <div className="inline-row">
        <DirectoryPicker source={peopleSource} label="Lead" value={lead} onPick={setLead} />
        <NativeField label="Minutes allowed" type="number" value={minutes} onChange={setMinutes} />
      </div>
      <h3>Papers</h3>
      {item.papers.length === 0 ? (
        <p className="muted">No papers yet. Add a link, or attach a file by name so the pack lists it.</p>
      ) : null}
      <ul className="papers">
        {item.papers.map((p) => (
          <li key={p.id}>
            {p.kind === 'link' ? <ExternalLink url={p.url}>{p.title}</ExternalLink> : <span>{p.title} (file)</span>}{' '}
            <Button
              className="button small"
              aria-label={`Remove paper ${p.title}`}
              onPress={() => removePaper.mutate({ id: p.id })}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <div className="inline-row">
        <NativeField label="Paper title" value={link.title} onChange={(v) => setLink((l) => ({ ...l, title: v }))} />
        <NativeField label="Paper link" type="url" value={link.url} onChange={(v) => setLink((l) => ({ ...l, url: v }))} />
        <Button
          className="button"
          isDisabled={link.title.trim() === '' || link.url.trim() === ''}
          onPress={() => addPaper.mutate({ agendaItemId: item.id, kind: 'link', title: link.title.trim(), url: link.url.trim() })}
        >
          Add link
        </Button>
      </div>
      <div className="field">
        <label htmlFor={`paper-file-${item.id}`}>Attach a local file (its name is kept, not the file)</label>
        <input
          id={`paper-file-${item.id}`}
          type="file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Only the file's name travels: never a path.
            if (file) addPaper.mutate({ agendaItemId: item.id, kind: 'file', title: file.name, url: '' });
            e.target.value = '';
          }}
        />
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {stale.theirs ? (
        <StaleWriteNotice
          what={`Agenda item “${item.title}”`}
          changed={stale.changed}
          conflicts={stale.conflicts(mine)}
          onMerge={() => {
            const next = stale.keepMine(mine);
            if (next) show(next.value);
          }}
          onReload={() => {
            const theirs = stale.takeTheirs();
            if (theirs) show(theirs);
          }}
        />
      ) : null}
      <FormActions>
        <Button
          className="button primary"
          isDisabled={title.trim() === '' || save.isPending || stale.pending}
          onPress={() =>
            save.mutate({
              id: item.id,
              version: stale.version,
              title: title.trim(),
              leadPersonId: lead?.id ?? null,
              minutesAllowed: minutes === '' ? null : Number(minutes),
              minutes: item.minutes,
            })
          }
        >
          Save item
        </Button>
        <Button className="button" onPress={onClose}>
          Close
        </Button>
        <ConfirmButton
          label="Remove item"
          confirmLabel="Remove it"
          question="Remove this item and its minutes?"
          onConfirm={() => remove.mutate({ id: item.id })}
        />
      </FormActions>
    </section>
  );
}
