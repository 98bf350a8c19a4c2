import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Button } from 'react-aria-components';
import type { z } from 'zod';
import { newsletterSaveReq } from '../../../shared/contract/toolkit';
import { longDate } from '../../../shared/documents/placeholders';
import { londonToday } from '../../../shared/meetings/time';
import type { Newsletter, NewsletterItem } from '../../../shared/toolkit/newsletter';
import { DEFAULT_CALL_FOR_EXAMPLES, DEFAULT_INTRODUCTION } from '../../../shared/toolkit/newsletter';
import type { Resource } from '../../../shared/toolkit/resources';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { errorText } from '../ui/errors';
import { FormLongText, FormText, useContractForm } from '../ui/form';
import { SubmitForm } from '../ui/submit';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import { useExportNewsletter, useMarkNewsletterSent, useSaveNewsletter } from './mutations';
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
          // Enter searches as typing does; it does not save the issue around this box.
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
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

/** The issue as edited: the contract's own rules for a saved issue, less the id it is saved under. */
const issueForm = newsletterSaveReq.pick({ title: true, introduction: true, callForExamples: true, items: true });
type IssueValues = z.input<typeof issueForm>;

const valuesOf = (n: Newsletter | null): IssueValues => ({
  title: n?.title ?? monthTitle(),
  introduction: n?.introduction ?? DEFAULT_INTRODUCTION,
  callForExamples: n?.callForExamples ?? DEFAULT_CALL_FOR_EXAMPLES,
  items: n?.items ?? [],
});

/** An issue that has gone out, shown as it was sent: nothing in it can change. */
function SentIssue({ issue }: { issue: Newsletter }) {
  return (
    <div className="wide-form">
      <p className="sent-text">{issue.introduction}</p>
      <section aria-labelledby="nl-items">
        <h2 id="nl-items">Resources in this issue</h2>
        {issue.items.map((it) => (
          <div key={it.resourceUid} className="resource">
            <h3 className="resource-title">{it.title}</h3>
            {it.publisher ? <p className="resource-meta">{it.publisher}</p> : null}
            <p className="sent-text">{it.paragraph}</p>
            <p className="muted">{it.url ? `Link: ${it.url}` : 'No web address: readers will need to ask for a copy.'}</p>
          </div>
        ))}
      </section>
      <h2>Call for examples of good practice</h2>
      <p className="sent-text">{issue.callForExamples}</p>
    </div>
  );
}

function Editor({ initial }: { initial: Newsletter | null }) {
  const [id, setId] = useState<number | null>(initial?.id ?? null);
  const [sent, setSent] = useState<Newsletter | null>(initial?.sentOn ? initial : null);
  const [message, setMessage] = useMessage(initial?.id ?? null);
  const form = useContractForm(issueForm, valuesOf(initial), {
    guardMessage: 'This issue has changes that are not saved. Leave and lose them?',
  });
  const { control } = form;
  const items = useFieldArray({ control, name: 'items', keyName: 'key' });
  const save = useSaveNewsletter();
  const exporting = useExportNewsletter();
  const markSent = useMarkNewsletterSent();
  const suggestions = useQuery({
    queryKey: toolkitKeys.newsletterSuggestions(),
    queryFn: () => call('toolkit.newsletters.suggest', {}),
    enabled: !sent,
  });
  const chosen = new Set(form.watch('items').map((i) => i.resourceUid));
  const add = (r: Resource) => items.append(itemFrom(r));

  /** Saves what is on screen (after the schema passes); the issue's id, or null if it was not saved. */
  const saveNow = async (): Promise<number | null> => {
    if (sent) return sent.id;
    let savedId: number | null = null;
    await form.handleSubmit(async (values) => {
      try {
        const n = await save.mutateAsync({ id, ...values });
        setId(n.id);
        form.reset(valuesOf(n));
        savedId = n.id;
      } catch (e) {
        setMessage({ tone: 'error', text: errorText(e, 'The issue could not be saved.') });
      }
    })();
    return savedId;
  };
  const exportAs = async (kind: 'docx' | 'html') => {
    const saved = await saveNow();
    if (saved === null) return;
    exporting.mutate(
      { id: saved, kind },
      {
        onSuccess: (o) => setMessage({ tone: 'success', text: completeSave(o) }),
        onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'The issue could not be exported.') }),
      },
    );
  };
  const recordSent = async () => {
    const saved = await saveNow();
    if (saved === null) return;
    markSent.mutate(
      { id: saved, sentOn: londonToday(new Date()) },
      {
        onSuccess: (n) => {
          setSent(n);
          setMessage({ tone: 'success', text: 'Recorded as sent. The next issue will offer only resources added after today.' });
        },
        onError: (e) => setMessage({ tone: 'error', text: errorText(e) }),
      },
    );
  };
  const busy = save.isPending || exporting.isPending || markSent.isPending;
  return (
    <Page
      title={sent ? sent.title : id ? 'Edit newsletter' : 'New newsletter'}
      actions={
        <>
          {!sent ? (
            <Button
              className="button"
              isDisabled={busy}
              onPress={() => void saveNow().then((n) => n && setMessage({ tone: 'success', text: 'Issue saved.' }))}
            >
              Save draft
            </Button>
          ) : null}
          <Button className="button" onPress={() => void exportAs('docx')} isDisabled={busy}>
            Export as Word
          </Button>
          <Button className="button" onPress={() => void exportAs('html')} isDisabled={busy}>
            Export as HTML for email
          </Button>
          {!sent ? (
            <Button className="button primary" onPress={() => void recordSent()} isDisabled={busy}>
              Record as sent
            </Button>
          ) : null}
        </>
      }
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {sent ? (
        <Notice tone="info">This issue went out on {longDate(sent.sentOn ?? '')} and is kept as it was sent.</Notice>
      ) : null}
      <div className="split">
        {sent ? (
          <SentIssue issue={sent} />
        ) : (
          <SubmitForm
            className="form wide-form"
            label="Newsletter issue"
            onSubmit={() => saveNow().then((n) => n && setMessage({ tone: 'success', text: 'Issue saved.' }))}
          >
            <FormText control={control} name="title" label="Title" isRequired maxLength={200} />
            <FormLongText control={control} name="introduction" label="Introduction" rows={4} />
            <section aria-labelledby="nl-items">
              <h2 id="nl-items">Resources in this issue</h2>
              {items.fields.length === 0 ? (
                <p className="muted">None yet. Include suggested resources below, or add any from the library.</p>
              ) : null}
              {items.fields.map((it, i) => (
                <div key={it.key} className="resource">
                  <h3 className="resource-title">{it.title}</h3>
                  {it.publisher ? <p className="resource-meta">{it.publisher}</p> : null}
                  <FormLongText control={control} name={`items.${i}.paragraph`} label={`Paragraph about ${it.title}`} rows={3} />
                  <p className="muted">{it.url ? `Link: ${it.url}` : 'No web address: readers will need to ask for a copy.'}</p>
                  <Button
                    className="button small"
                    onPress={() => items.remove(i)}
                    aria-label={`Remove from the issue: ${it.title}`}
                  >
                    Remove
                  </Button>
                </div>
              ))}
              {form.formState.errors.items?.message ? <Notice tone="error">{form.formState.errors.items.message}</Notice> : null}
            </section>
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
                      <Button className="button small" onPress={() => add(r)} aria-label={`Include: ${r.title}`}>
                        Include
                      </Button>{' '}
                      {r.title} <span className="muted">added {longDate(r.addedOn)}</span>
                    </li>
                  ))}
              </ul>
              <ChooseByHand chosen={chosen} onAdd={add} />
            </section>
            <FormLongText control={control} name="callForExamples" label="Call for examples of good practice" rows={4} />
          </SubmitForm>
        )}
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
