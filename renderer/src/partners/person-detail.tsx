import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { PersonDetail, Post } from '../../../shared/partners/domain';
import { postInput } from '../../../shared/partners/domain';
import { formatPhone } from '../../../shared/partners/phone';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { DateField } from '../ui/date-field';
import { TextInput } from '../ui/fields';
import { Notice } from '../ui/notice';
import { SubjectAccessDialog } from '../privacy/subject-access-dialog';
import { EraseDialog } from './erase-dialog';
import { navigate } from '../ui/router';
import { CheckboxField, fieldErrors } from '../ui/fields';
import { errorText } from '../ui/errors';
import { PersonForm, phoneHint } from './forms';

export function PersonPane({ id, editing }: { id: number; editing: boolean }) {
  const detail = useQuery({ queryKey: ['partners', 'person', id], queryFn: () => call('partners.people.get', { id }) });
  if (detail.isError) return <Notice tone="error">{errorText(detail.error, 'Could not load this person.')}</Notice>;
  if (!detail.data) return <p>Loading…</p>;
  const p = detail.data;
  if (editing) {
    return (
      <section className="detail" aria-labelledby="detail-title">
        <h2 id="detail-title">Edit {p.name}</h2>
        <PersonForm
          id={p.id}
          version={p.version}
          stored={{
            name: p.name,
            pronouns: p.pronouns,
            notes: p.notes,
            source: p.source,
            lawfulBasis: p.lawfulBasis,
            lastVerified: p.lastVerified,
          }}
          done={(pid) => navigate(`/partners/people/${pid}`)}
        />
      </section>
    );
  }
  return <PersonView person={p} />;
}

function PersonView({ person: p }: { person: PersonDetail }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [erasing, setErasing] = useState(false);
  const [subjectAccess, setSubjectAccess] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['partners'] });
  const archive = useMutation({
    mutationFn: () => call('partners.people.archive', { id: p.id, archived: p.archivedAt === null }),
    onSuccess: (saved) => {
      refresh();
      setMessage({
        tone: 'success',
        text: saved.archivedAt ? `${saved.name} is archived. Restore brings them back.` : `${saved.name} is restored.`,
      });
    },
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not change the archive state.') }),
  });
  const vcard = useMutation({
    mutationFn: () => call('partners.exportVcard', { personIds: [p.id] }),
    onSuccess: (outcome) => setMessage({ tone: 'success', text: completeSave(outcome) }),
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not export the vCard.') }),
  });
  const current = p.posts.filter((x) => x.endedOn === null);
  const past = p.posts.filter((x) => x.endedOn !== null);
  return (
    <section className="detail" aria-labelledby="detail-title">
      <header className="detail-header">
        <h2 id="detail-title">
          {p.name}
          {p.pronouns ? <span className="pronouns"> ({p.pronouns})</span> : null}
          {p.archivedAt ? <span className="tag">Archived</span> : null}
        </h2>
        <div className="toolbar">
          <Button className="button" onPress={() => navigate(`/partners/people/${p.id}/edit`)}>
            Edit
          </Button>
          <Button className="button" onPress={() => vcard.mutate()}>
            Export vCard
          </Button>
          <Button className="button" onPress={() => setSubjectAccess(true)}>
            Subject access…
          </Button>
          <Button className="button" onPress={() => archive.mutate()}>
            {p.archivedAt ? 'Restore' : 'Archive'}
          </Button>
          <Button className="button danger" onPress={() => setErasing(true)}>
            Erase…
          </Button>
        </div>
      </header>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <dl className="facts">
        <dt>Last verified</dt>
        <dd>{p.lastVerified ?? 'Never'}</dd>
        <dt>Source</dt>
        <dd>{p.source || '—'}</dd>
        <dt>Lawful basis</dt>
        <dd>{p.lawfulBasis || '—'}</dd>
        {p.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="pre">{p.notes}</dd>
          </>
        ) : null}
      </dl>
      <h3>Current posts</h3>
      {current.length === 0 ? (
        <p className="muted">No current post.</p>
      ) : (
        <PostList posts={current} personView onChanged={refresh} />
      )}
      <AddPost personId={p.id} onAdded={refresh} />
      {past.length > 0 ? (
        <>
          <h3>Past posts</h3>
          <PostList posts={past} personView onChanged={refresh} />
        </>
      ) : null}
      {erasing ? <EraseDialog person={p} onClose={() => setErasing(false)} /> : null}
      {subjectAccess ? <SubjectAccessDialog person={p} onClose={() => setSubjectAccess(false)} /> : null}
    </section>
  );
}

export function PostList({ posts, personView, onChanged }: { posts: Post[]; personView: boolean; onChanged: () => void }) {
  return (
    <ul className="post-list">
      {posts.map((post) => (
        <PostItem key={post.id} post={post} personView={personView} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function PostItem({ post, personView, onChanged }: { post: Post; personView: boolean; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const spoc = useMutation({
    mutationFn: () =>
      call('partners.posts.update', {
        id: post.id,
        version: post.version,
        value: { jobTitle: post.jobTitle, email: post.email, phone: post.phone, isSpoc: !post.isSpoc, startedOn: post.startedOn },
      }),
    onSuccess: onChanged,
    onError: (e) => setError(errorText(e, 'Could not change the SPOC.')),
  });
  const end = useMutation({
    mutationFn: () => call('partners.posts.end', { id: post.id, endedOn: null }),
    onSuccess: onChanged,
    onError: (e) => setError(errorText(e, 'Could not end the post.')),
  });
  const who = personView ? post.organisationName : post.personName;
  const href = personView ? `#/partners/organisations/${post.organisationId}` : `#/partners/people/${post.personId}`;
  return (
    <li className="post">
      <div>
        <a href={href} className="post-name">
          {who}
        </a>
        {post.isSpoc ? <span className="tag spoc">SPOC</span> : null}
        <div>{post.jobTitle || <span className="muted">No job title</span>}</div>
        <div className="muted">
          {[post.email, formatPhone(post.phone)].filter(Boolean).join(' · ')}
          {post.startedOn || post.endedOn ? ` · ${post.startedOn ?? '?'} to ${post.endedOn ?? 'now'}` : ''}
        </div>
      </div>
      {post.endedOn === null ? (
        <div className="toolbar">
          <Button
            className="button small"
            onPress={() => spoc.mutate()}
            aria-label={`${post.isSpoc ? 'Remove SPOC from' : 'Mark as SPOC:'} ${post.personName} at ${post.organisationName}`}
          >
            {post.isSpoc ? 'Not SPOC' : 'Mark SPOC'}
          </Button>
          <Button
            className="button small"
            onPress={() => end.mutate()}
            aria-label={`End post: ${post.personName} at ${post.organisationName}`}
          >
            End post
          </Button>
        </div>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
    </li>
  );
}

function AddPost({ personId, onAdded }: { personId: number; onAdded: () => void }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [orgId, setOrgId] = useState<number | null>(null);
  const [value, setValue] = useState({ jobTitle: '', email: '', phone: '', isSpoc: false, startedOn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const options = useQuery({
    queryKey: ['partners', 'lookup', query],
    queryFn: () => call('directory.organisations.search', { query, limit: 20 }),
    enabled: open,
  });
  const add = useMutation({
    mutationFn: () =>
      call('partners.posts.add', {
        personId,
        value: { organisationId: orgId!, ...value, startedOn: value.startedOn === '' ? null : value.startedOn },
      }),
    onSuccess: () => {
      setOpen(false);
      setValue({ jobTitle: '', email: '', phone: '', isSpoc: false, startedOn: '' });
      setOrgId(null);
      setQuery('');
      onAdded();
    },
  });
  if (!open) {
    return (
      <Button className="button" onPress={() => setOpen(true)}>
        Add post
      </Button>
    );
  }
  const submit = () => {
    const problems =
      fieldErrors(postInput, {
        organisationId: orgId ?? 0,
        ...value,
        startedOn: value.startedOn === '' ? null : value.startedOn,
      }) ?? {};
    if (orgId === null) problems.organisationId = 'Choose an organisation from the list';
    setErrors(problems);
    if (Object.keys(problems).length === 0) add.mutate();
  };
  return (
    <form
      className="form add-post"
      aria-label="Add post"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ComboBox
        className="field"
        inputValue={query}
        onInputChange={(v) => {
          setQuery(v);
          setOrgId(null);
        }}
        onSelectionChange={(key) => {
          const hit = options.data?.find((o) => o.id === Number(key));
          if (hit) {
            setOrgId(hit.id);
            setQuery(hit.name);
          }
        }}
        items={options.data ?? []}
        menuTrigger="focus"
        allowsEmptyCollection
        isInvalid={Boolean(errors.organisationId)}
      >
        <Label>Organisation</Label>
        <Input />
        {errors.organisationId ? <span className="field-error">{errors.organisationId}</span> : null}
        <Popover className="combo-popover">
          <ListBox<{ id: number; name: string }> renderEmptyState={() => <p className="muted">No organisation matches.</p>}>
            {(o) => <ListBoxItem id={o.id}>{o.name}</ListBoxItem>}
          </ListBox>
        </Popover>
      </ComboBox>
      <TextInput label="Job title" value={value.jobTitle} onChange={(v) => setValue({ ...value, jobTitle: v })} />
      <TextInput
        label="Work email"
        type="email"
        value={value.email}
        onChange={(v) => setValue({ ...value, email: v })}
        error={errors.email}
      />
      <TextInput
        label="Phone"
        type="tel"
        value={value.phone}
        onChange={(v) => setValue({ ...value, phone: v })}
        error={errors.phone}
        description={phoneHint(value.phone)}
      />
      <DateField label="Started" value={value.startedOn} onChange={(v) => setValue({ ...value, startedOn: v })} />
      <CheckboxField
        label="Modern slavery single point of contact (SPOC)"
        checked={value.isSpoc}
        onChange={(v) => setValue({ ...value, isSpoc: v })}
      />
      {add.isError ? <Notice tone="error">{errorText(add.error, 'Could not add the post.')}</Notice> : null}
      <div className="form-actions">
        <Button type="submit" className="button primary" isDisabled={add.isPending}>
          Save post
        </Button>
        <Button className="button" onPress={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
