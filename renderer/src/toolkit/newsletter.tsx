import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Newsletter, NewsletterItem } from '../../../shared/toolkit/newsletter';
import { DEFAULT_CALL_FOR_EXAMPLES, DEFAULT_INTRODUCTION } from '../../../shared/toolkit/newsletter';
import type { Resource } from '../../../shared/toolkit/resources';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import { longDate } from '../../../shared/documents/placeholders';
import { errorText } from '../ui/errors';
import { useToolkitRefresh } from './mutations';
import { toolkitKeys } from './queries';

const itemFrom = (r: Resource): NewsletterItem => ({
  resourceUid: r.uid,
  title: r.title,
  publisher: r.publisher,
  url: r.url,
  paragraph: r.summary,
});

function monthTitle(): string {
  return `Partnership newsletter, ${new Date().toLocaleDateString('en-GB', { month: 'long', year: 'numeric' })}`;
}

function Issues({ currentId }: { currentId: number | null }) {
  const list = useQuery({ queryKey: toolkitKeys.newsletters(), queryFn: () => call('toolkit.newsletters.list', {}) });
  return (
    <aside className="history" aria-labelledby="issues-heading">
      <h2 id="issues-heading">Issues</h2>
      <ul>
        <li>
          <a href="#/toolkit/newsletter" aria-current={currentId === null ? 'page' : undefined}>
            Start a new issue
          </a>
        </li>
        {list.data?.map((n) => (
          <li key={n.id}>
            <a href={`#/toolkit/newsletter/${n.id}`} aria-current={n.id === currentId ? 'page' : undefined}>
              {n.title}
            </a>
            <span className="muted"> {n.sentOn ? `sent ${longDate(n.sentOn)}` : 'draft'}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function ChooseByHand({ chosen, onAdd }: { chosen: Set<string>; onAdd: (r: Resource) => void }) {
  const [text, setText] = useState('');
  const found = useQuery({
    queryKey: toolkitKeys.resourcePick('newsletter', text),
    queryFn: () => call('toolkit.resources.search', { text, limit: 8 }),
    enabled: text.trim().length > 1,
  });
  return (
    <div className="editor">
      <div className="field">
        <label htmlFor="nl-pick">Add a resource from the library</label>
        <input
          id="nl-pick"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search by title or topic"
        />
      </div>
      <ul className="plain-list">
        {found.data?.items
          .filter((r) => !chosen.has(r.uid))
          .map((r) => (
            <li key={r.uid}>
              <Button className="button small" onPress={() => onAdd(r)} aria-label={`Add to the issue: ${r.title}`}>
                Add
              </Button>{' '}
              {r.title}
            </li>
          ))}
      </ul>
    </div>
  );
}

function Editor({ initial }: { initial: Newsletter | null }) {
  const refresh = useToolkitRefresh();
  const [id, setId] = useState<number | null>(initial?.id ?? null);
  const [title, setTitle] = useState(initial?.title ?? monthTitle());
  const [introduction, setIntroduction] = useState(initial?.introduction ?? DEFAULT_INTRODUCTION);
  const [callForExamples, setCall] = useState(initial?.callForExamples ?? DEFAULT_CALL_FOR_EXAMPLES);
  const [items, setItems] = useState<NewsletterItem[]>(initial?.items ?? []);
  const [sentOn, setSentOn] = useState<string | null>(initial?.sentOn ?? null);
  const [message, setMessage] = useMessage(initial?.id ?? null);
  const suggestions = useQuery({
    queryKey: toolkitKeys.newsletterSuggestions(),
    queryFn: () => call('toolkit.newsletters.suggest', {}),
    enabled: !sentOn,
  });
  const chosen = new Set(items.map((i) => i.resourceUid));
  const locked = sentOn !== null;
  const save = async (): Promise<number | null> => {
    try {
      const n = await call('toolkit.newsletters.save', { id, title, introduction, callForExamples, items });
      setId(n.id);
      await refresh();
      return n.id;
    } catch (e) {
      setMessage({ tone: 'error', text: errorText(e, 'The issue could not be saved.') });
      return null;
    }
  };
  const exportAs = useMutation({
    mutationFn: async (kind: 'docx' | 'html') => {
      const saved = locked ? id : await save();
      if (saved === null) throw new Error('not saved');
      return call(kind === 'docx' ? 'toolkit.newsletters.exportDocx' : 'toolkit.newsletters.exportHtml', { id: saved });
    },
    onSuccess: (o) => setMessage({ tone: 'success', text: completeSave(o) }),
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'The issue could not be exported.') }),
  });
  const markSent = useMutation({
    mutationFn: async () => {
      const saved = await save();
      if (saved === null) throw new Error('not saved');
      return call('toolkit.newsletters.markSent', { id: saved, sentOn: new Date().toISOString().slice(0, 10) });
    },
    onSuccess: async (n) => {
      setSentOn(n.sentOn);
      await refresh();
      setMessage({ tone: 'success', text: 'Recorded as sent. The next issue will offer only resources added after today.' });
    },
    onError: (e) => setMessage({ tone: 'error', text: errorText(e) }),
  });
  return (
    <Page
      title={locked ? title : id ? 'Edit newsletter' : 'New newsletter'}
      actions={
        <>
          {!locked ? (
            <Button
              className="button"
              onPress={() => void save().then((n) => n && setMessage({ tone: 'success', text: 'Issue saved.' }))}
            >
              Save draft
            </Button>
          ) : null}
          <Button className="button" onPress={() => exportAs.mutate('docx')} isDisabled={exportAs.isPending}>
            Export as Word
          </Button>
          <Button className="button" onPress={() => exportAs.mutate('html')} isDisabled={exportAs.isPending}>
            Export as HTML for email
          </Button>
          {!locked ? (
            <Button className="button primary" onPress={() => markSent.mutate()} isDisabled={markSent.isPending}>
              Record as sent
            </Button>
          ) : null}
        </>
      }
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {locked ? <Notice tone="info">This issue went out on {longDate(sentOn)} and is kept as it was sent.</Notice> : null}
      <div className="split">
        <div className="form wide-form">
          <div className="field">
            <label htmlFor="nl-title">Title</label>
            <input id="nl-title" value={title} maxLength={200} disabled={locked} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="nl-intro">Introduction</label>
            <textarea
              id="nl-intro"
              rows={4}
              value={introduction}
              disabled={locked}
              maxLength={2000}
              onChange={(e) => setIntroduction(e.target.value)}
            />
          </div>
          <section aria-labelledby="nl-items">
            <h2 id="nl-items">Resources in this issue</h2>
            {items.length === 0 ? (
              <p className="muted">None yet. Include suggested resources below, or add any from the library.</p>
            ) : null}
            {items.map((it, i) => (
              <div key={it.resourceUid} className="resource">
                <h3 className="resource-title">{it.title}</h3>
                {it.publisher ? <p className="resource-meta">{it.publisher}</p> : null}
                <div className="field">
                  <label htmlFor={`nl-para-${i}`}>Paragraph about {it.title}</label>
                  <textarea
                    id={`nl-para-${i}`}
                    rows={3}
                    value={it.paragraph}
                    disabled={locked}
                    maxLength={2000}
                    onChange={(e) => setItems((p) => p.map((x, j) => (j === i ? { ...x, paragraph: e.target.value } : x)))}
                  />
                </div>
                <p className="muted">{it.url ? `Link: ${it.url}` : 'No web address: readers will need to ask for a copy.'}</p>
                {!locked ? (
                  <Button
                    className="button small"
                    onPress={() => setItems((p) => p.filter((_, j) => j !== i))}
                    aria-label={`Remove from the issue: ${it.title}`}
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
            ))}
          </section>
          {!locked ? (
            <section aria-labelledby="nl-suggest">
              <h2 id="nl-suggest">Added since the last issue</h2>
              {suggestions.data?.filter((r) => !chosen.has(r.uid)).length === 0 ? (
                <p className="muted">Nothing new to suggest.</p>
              ) : null}
              <ul className="plain-list">
                {suggestions.data
                  ?.filter((r) => !chosen.has(r.uid))
                  .map((r) => (
                    <li key={r.uid}>
                      <Button
                        className="button small"
                        onPress={() => setItems((p) => [...p, itemFrom(r)])}
                        aria-label={`Include: ${r.title}`}
                      >
                        Include
                      </Button>{' '}
                      {r.title} <span className="muted">added {longDate(r.addedOn)}</span>
                    </li>
                  ))}
              </ul>
              <ChooseByHand chosen={chosen} onAdd={(r) => setItems((p) => [...p, itemFrom(r)])} />
            </section>
          ) : null}
          <div className="field">
            <label htmlFor="nl-call">Call for examples of good practice</label>
            <textarea
              id="nl-call"
              rows={4}
              value={callForExamples}
              disabled={locked}
              maxLength={2000}
              onChange={(e) => setCall(e.target.value)}
            />
          </div>
        </div>
        <Issues currentId={id} />
      </div>
    </Page>
  );
}

export function NewsletterScreen({ id }: { id: number | null }) {
  const issue = useQuery({
    queryKey: toolkitKeys.newsletter(id),
    queryFn: () => call('toolkit.newsletters.get', { id: id! }),
    enabled: id !== null,
  });
  if (id === null) return <Editor key="new" initial={null} />;
  if (issue.isError) return <Page title="Newsletter">{<Notice tone="error">{errorText(issue.error)}</Notice>}</Page>;
  if (!issue.data) return <Page title="Newsletter">Loading…</Page>;
  return <Editor key={id} initial={issue.data} />;
}
