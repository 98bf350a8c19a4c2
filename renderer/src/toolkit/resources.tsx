import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Resource } from '../../../shared/toolkit/resources';
import {
  AUDIENCES,
  RESOURCE_FILE_LIMIT_BYTES,
  RESOURCE_TYPES,
  TOPICS,
  audienceLabel,
  describeSize,
  resourceTypeLabel,
  topicLabel,
} from '../../../shared/toolkit/resources';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { Notice, useMessage } from '../ui/notice';
import { ActionButtons, Page } from '../ui/page';
import { FormDialog } from '../ui/dialog';
import { OpenLinkDialog } from '../ui/external-link';
import { CheckboxGroup, LongTextInput, SearchField, SelectField, TextInput } from '../ui/fields';
import { useShortcut } from '../ui/shortcuts';
import { AttachToMeetingDialog } from './attach';
import { longDate } from '../../../shared/documents/placeholders';
import { errorText } from '../ui/errors';
import { useCheckLinks, useToolkitRefresh } from './mutations';
import { toolkitKeys } from './queries';
import { DateField } from '../ui/date-field';

type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;
type Filters = { type: string; topic: string; audience: string; year: string; addedSince: string };
const NO_FILTERS: Filters = { type: '', topic: '', audience: '', year: '', addedSince: '' };

function useDebounced<T>(value: T, ms = 150): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** A shared list of keys and labels as a select's options. */
const asOptions = <K extends string>(list: readonly { key: K; label: string }[]) =>
  list.map((o) => ({ value: o.key, label: o.label }));

/** The library's choice filters, each starting on "any". */
const CHOICE_FILTERS = [
  { key: 'type', label: 'Type', any: 'Any type', options: asOptions(RESOURCE_TYPES) },
  { key: 'topic', label: 'Topic', any: 'Any topic', options: asOptions(TOPICS) },
  { key: 'audience', label: 'Audience', any: 'Anyone', options: asOptions(AUDIENCES) },
] as const;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Add a resource: a web link, or a file kept inside Concordat. Mounted while open, so each opening starts empty. */
function AddResourceDialog({
  mode,
  onClose,
  onAdded,
}: {
  mode: 'link' | 'file';
  onClose: () => void;
  onAdded: (r: Resource) => void;
}) {
  const [title, setTitle] = useState('');
  const [publisher, setPublisher] = useState('');
  const [type, setType] = useState<Resource['type']>('report');
  const [year, setYear] = useState('');
  const [topics, setTopics] = useState<Resource['topics']>([]);
  const [summary, setSummary] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(null);
    const fields = {
      title: title.trim(),
      publisher,
      type,
      year: /^\d{4}$/.test(year) ? Number(year) : null,
      topics,
      audience: [],
      summary,
      notes: '',
    };
    if (!fields.title) return setError('Give the resource a title.');
    setBusy(true);
    try {
      let added: Resource;
      if (mode === 'file') {
        if (!file) return setError('Choose a file.');
        if (file.size > RESOURCE_FILE_LIMIT_BYTES)
          return setError(
            `"${file.name}" is ${describeSize(file.size)}. Files kept inside Concordat can be up to ${describeSize(RESOURCE_FILE_LIMIT_BYTES)}; add a link to it instead, or save a smaller copy.`,
          );
        added = await call('toolkit.resources.addFile', { ...fields, fileName: file.name, base64: await readAsBase64(file) });
      } else {
        added = await call('toolkit.resources.addLink', { ...fields, url: url.trim() });
      }
      onAdded(added);
    } catch (e) {
      setError(errorText(e, 'The resource could not be added.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog
      title={mode === 'file' ? 'Add a file' : 'Add a link'}
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      submitLabel={mode === 'file' ? 'Add file' : 'Add link'}
      isPending={busy}
      wide
    >
      {mode === 'file' ? (
        <div className="field">
          <label htmlFor="res-file">
            File (PDF, Word, PowerPoint, Excel, text or image; up to {describeSize(RESOURCE_FILE_LIMIT_BYTES)})
          </label>
          <input
            id="res-file"
            type="file"
            accept=".pdf,.doc,.docx,.odt,.ppt,.pptx,.xlsx,.txt,.png,.jpg"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f && !title) setTitle(f.name.replace(/\.[^.]+$/, ''));
            }}
          />
          <span className="field-help">
            The file is kept inside Concordat’s database, so it is encrypted and backed up with everything else.
          </span>
        </div>
      ) : (
        <TextInput label="Web address" type="url" value={url} onChange={setUrl} placeholder="https://" />
      )}
      <TextInput label="Title" value={title} maxLength={200} onChange={setTitle} />
      <div className="inline-row">
        <TextInput label="Author or publisher" value={publisher} maxLength={200} onChange={setPublisher} />
        <SelectField label="Type" value={type} onChange={setType} options={asOptions(RESOURCE_TYPES)} />
        <TextInput label="Year" inputMode="numeric" value={year} maxLength={4} onChange={setYear} />
      </div>
      <CheckboxGroup label="Topics" value={topics} onChange={setTopics} options={asOptions(TOPICS)} />
      <LongTextInput label="Summary" rows={3} value={summary} maxLength={2000} onChange={setSummary} />
      {error ? <Notice tone="error">{error}</Notice> : null}
    </FormDialog>
  );
}

function ResourceRow({
  r,
  onOpen,
  onAttach,
  onMessage,
}: {
  r: Resource;
  onOpen: (r: Resource) => void;
  onAttach: (r: Resource) => void;
  onMessage: (m: Message) => void;
}) {
  const download = async () => {
    try {
      onMessage({ tone: 'success', text: completeSave(await call('toolkit.resources.download', { id: r.id })) });
    } catch (e) {
      onMessage({ tone: 'error', text: errorText(e) });
    }
  };
  return (
    <li className="resource">
      <h3 className="resource-title">{r.title}</h3>
      <p className="resource-meta">
        {[r.publisher, resourceTypeLabel(r.type), r.year ? String(r.year) : ''].filter(Boolean).join(' · ')}
        {r.source === 'user' ? <span className="tag">Added by you</span> : null}
      </p>
      {r.summary ? <p>{r.summary}</p> : null}
      {r.notes ? <p className="resource-notes">Notes: {r.notes}</p> : null}
      <p className="resource-topics">
        {r.topics.map((t) => (
          <span key={t} className="tag">
            {topicLabel(t)}
          </span>
        ))}
        {r.audience.length > 0 ? <span className="muted"> For: {r.audience.map(audienceLabel).join(', ')}</span> : null}
      </p>
      <div className="resource-actions">
        {r.url ? (
          <Button className="button small" onPress={() => onOpen(r)} aria-label={`Open link: ${r.title}`}>
            Open link
          </Button>
        ) : null}
        {r.file ? (
          <Button className="button small" onPress={() => void download()} aria-label={`Save a copy: ${r.title}`}>
            Save a copy ({describeSize(r.file.size)})
          </Button>
        ) : null}
        {r.url && r.linkStatus === 'may_be_broken' ? <span className="link-status broken">Link may be broken</span> : null}
        {r.url && r.linkStatus === 'ok' ? <span className="link-status">Link working</span> : null}
        {r.linkCheckedOn ? <span className="muted">Checked {longDate(r.linkCheckedOn)}</span> : null}
        {r.url || r.file ? (
          <Button className="button small" onPress={() => onAttach(r)} aria-label={`Add to a meeting’s papers: ${r.title}`}>
            Add to a meeting
          </Button>
        ) : null}
        {!r.url && !r.file ? <span className="muted">No web address is known for this one.</span> : null}
      </div>
    </li>
  );
}

export function ResourcesScreen({ initialQuery = '' }: { initialQuery?: string }) {
  const refresh = useToolkitRefresh();
  const [text, setText] = useState(initialQuery);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [opening, setOpening] = useState<Resource | null>(null);
  const [attaching, setAttaching] = useState<Resource | null>(null);
  const [adding, setAdding] = useState<'link' | 'file' | null>(null);
  const [message, setMessage] = useMessage(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const q = useDebounced(text);
  const request = {
    text: q,
    type: (filters.type || null) as Resource['type'] | null,
    topic: (filters.topic || null) as Resource['topics'][number] | null,
    audience: (filters.audience || null) as Resource['audience'][number] | null,
    year: /^\d{4}$/.test(filters.year) ? Number(filters.year) : null,
    addedSince: filters.addedSince || null,
    limit: 100,
  };
  const results = useQuery({
    queryKey: toolkitKeys.resources(request),
    queryFn: () => call('toolkit.resources.search', request),
    placeholderData: keepPreviousData,
  });
  const check = useCheckLinks();
  const checkLinks = () => {
    setMessage({ tone: 'info', text: 'Checking links… this can take a little while.' });
    check.mutate(
      { ids: results.data?.items.filter((r) => r.url).map((r) => r.id) ?? [] },
      {
        onSuccess: (r) =>
          setMessage({
            tone: 'success',
            text: `Checked ${r.checked} link${r.checked === 1 ? '' : 's'}: ${r.broken} may be broken.`,
          }),
        onError: (e) => setMessage({ tone: 'error', text: errorText(e) }),
      },
    );
  };
  useShortcut('f', () => searchRef.current?.focus());
  const set = (k: keyof Filters) => (v: string) => setFilters((f) => ({ ...f, [k]: v }));
  return (
    <Page
      title="Resource library"
      actions={
        <ActionButtons
          actions={[
            {
              label: 'Check these links',
              onPress: checkLinks,
              isDisabled: check.isPending || !results.data?.items.some((r) => r.url),
            },
            { label: 'Add a file', onPress: () => setAdding('file') },
            { label: 'Add a link', onPress: () => setAdding('link'), primary: true },
          ]}
        />
      }
    >
      <p className="lede">
        Reports, guidance, toolkits and recordings on modern slavery, with your own links and files. Search looks in titles,
        summaries, publishers, topics and your notes.
      </p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <div className="filters" role="search">
        <SearchField
          className="field search-field"
          label="Search the library"
          value={text}
          onChange={setText}
          inputRef={searchRef}
          shortcut="Control+F"
          placeholder="For example: car wash"
        />
        {CHOICE_FILTERS.map((f) => (
          <SelectField<string>
            key={f.key}
            label={f.label}
            value={filters[f.key]}
            onChange={set(f.key)}
            options={[{ value: '', label: f.any }, ...f.options]}
          />
        ))}
        <div className="field narrow">
          <label htmlFor="f-year">Year</label>
          <input
            id="f-year"
            inputMode="numeric"
            maxLength={4}
            value={filters.year}
            onChange={(e) => set('year')(e.target.value)}
          />
        </div>
        <DateField label="Added since" value={filters.addedSince} onChange={set('addedSince')} />
      </div>
      <p className="muted" role="status">
        {results.data
          ? `${results.data.total} resource${results.data.total === 1 ? '' : 's'}${results.data.total > results.data.items.length ? `, showing the first ${results.data.items.length}` : ''}`
          : 'Searching…'}
      </p>
      {results.isError ? <Notice tone="error">{errorText(results.error)}</Notice> : null}
      <ul className="resource-list" aria-label="Resources">
        {results.data?.items.map((r) => (
          <ResourceRow key={r.id} r={r} onOpen={setOpening} onAttach={setAttaching} onMessage={setMessage} />
        ))}
      </ul>
      <OpenLinkDialog
        url={opening?.url ?? null}
        onClose={() => setOpening(null)}
        note={
          opening?.linkStatus === 'may_be_broken' ? (
            <Notice tone="info">This link may be broken: the page may have moved or been taken down.</Notice>
          ) : null
        }
      />
      <AttachToMeetingDialog
        resource={attaching}
        onClose={() => setAttaching(null)}
        onDone={(text) => setMessage({ tone: 'success', text })}
      />
      {adding ? (
        <AddResourceDialog
          key={adding}
          mode={adding}
          onClose={() => setAdding(null)}
          onAdded={(r) => {
            setAdding(null);
            void refresh();
            setMessage({ tone: 'success', text: `Added “${r.title}” to the library.` });
          }}
        />
      ) : null}
    </Page>
  );
}
