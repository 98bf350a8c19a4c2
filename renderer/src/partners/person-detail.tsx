import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import type { PersonDetail, Post } from '../../../shared/partners/domain';
import { isoDateOrNull, postInput } from '../../../shared/partners/domain';
import { formatPhone } from '../../../shared/partners/phone';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import type { PickerSource } from '../ui/directory-picker';
import { DirectoryPicker } from '../ui/directory-picker';
import { FormActions, FormCheckbox, FormDate, FormText, useContractForm } from '../ui/form';
import { Loaded } from '../ui/loaded';
import type { Message } from '../ui/notice';
import { Notice } from '../ui/notice';
import { SubmitForm } from '../ui/submit';
import { SubjectAccessDialog } from '../privacy/subject-access-dialog';
import { DetailSection, archiveMessages } from './detail';
import { EraseDialog } from './erase-dialog';
import { navigate } from '../ui/router';
import { errorText } from '../ui/errors';
import { PersonForm, phoneHint } from './forms';
import { useAddPost, useArchivePerson, useEndPost, useExportDirectory, useToggleSpoc } from './mutations';
import { partnerKeys } from './queries';

export function PersonPane({ id, editing }: { id: number; editing: boolean }) {
  const detail = useQuery({ queryKey: partnerKeys.person(id), queryFn: () => call('partners.people.get', { id }) });
  return (
    <Loaded query={detail} failed="Could not load this person.">
      {(p) =>
        editing ? (
          <DetailSection title={`Edit ${p.name}`}>
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
          </DetailSection>
        ) : (
          <PersonView person={p} />
        )
      }
    </Loaded>
  );
}

function PersonView({ person: p }: { person: PersonDetail }) {
  const [message, setMessage] = useState<Message>(null);
  const [erasing, setErasing] = useState(false);
  const [subjectAccess, setSubjectAccess] = useState(false);
  const archive = useArchivePerson(p, archiveMessages(setMessage, 'them'));
  const vcard = useExportDirectory('vcard', [p.id], {
    onSuccess: (outcome) => setMessage({ tone: 'success', text: completeSave(outcome) }),
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not export the vCard.') }),
  });
  const current = p.posts.filter((x) => x.endedOn === null);
  const past = p.posts.filter((x) => x.endedOn !== null);
  return (
    <DetailSection
      title={
        <>
          {p.name}
          {p.pronouns ? <span className="pronouns"> ({p.pronouns})</span> : null}
          {p.archivedAt ? <span className="tag">Archived</span> : null}
        </>
      }
      tools={
        <>
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
        </>
      }
    >
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
      {current.length === 0 ? <p className="muted">No current post.</p> : <PostList posts={current} personView />}
      <AddPost personId={p.id} />
      {past.length > 0 ? (
        <>
          <h3>Past posts</h3>
          <PostList posts={past} personView />
        </>
      ) : null}
      {erasing ? <EraseDialog person={p} onClose={() => setErasing(false)} /> : null}
      {subjectAccess ? <SubjectAccessDialog person={p} onClose={() => setSubjectAccess(false)} /> : null}
    </DetailSection>
  );
}

/** A person's or an organisation's posts; marking a SPOC or ending a post refreshes the directory. */
export function PostList({ posts, personView }: { posts: Post[]; personView: boolean }) {
  return (
    <ul className="post-list">
      {posts.map((post) => (
        <PostItem key={post.id} post={post} personView={personView} />
      ))}
    </ul>
  );
}

function PostItem({ post, personView }: { post: Post; personView: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const spoc = useToggleSpoc(post, {
    onError: (e) => setError(errorText(e, 'Could not change the SPOC.')),
  });
  const end = useEndPost(post, {
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

const postForm = postInput.extend({
  organisationId: z
    .number({ error: 'Choose an organisation from the list' })
    .int()
    .positive('Choose an organisation from the list'),
  organisationName: z.string(),
  // The date field gives '' when empty; the contract's post has null.
  startedOn: z
    .string()
    .transform((v) => (v === '' ? null : v))
    .pipe(isoDateOrNull),
});
const noPost: z.input<typeof postForm> = {
  organisationId: 0,
  organisationName: '',
  jobTitle: '',
  email: '',
  phone: '',
  isSpoc: false,
  startedOn: '',
};

const organisationSource: PickerSource = {
  noun: 'organisations',
  key: partnerKeys.lookup('organisations'),
  search: async (query) =>
    (await call('directory.organisations.search', { query, limit: 20 })).map((o) => ({ id: o.id, name: o.name, detail: '' })),
};

function AddPost({ personId }: { personId: number }) {
  const [open, setOpen] = useState(false);
  const form = useContractForm(postForm, noPost, { guard: open, inApp: false });
  const { control } = form;
  const add = useAddPost(personId, {
    onSuccess: () => {
      setOpen(false);
      form.reset(noPost);
    },
  });
  const phone = form.watch('phone');
  if (!open) {
    return (
      <Button className="button" onPress={() => setOpen(true)}>
        Add post
      </Button>
    );
  }
  return (
    <SubmitForm
      className="form add-post"
      label="Add post"
      onSubmit={form.handleSubmit(({ organisationName: _name, ...value }) => add.mutate(value))}
    >
      <Controller
        control={control}
        name="organisationId"
        render={({ field, fieldState }) => (
          <div>
            <DirectoryPicker
              label="Organisation"
              source={organisationSource}
              value={field.value ? { id: field.value, name: form.getValues('organisationName') } : null}
              onPick={(item) => {
                form.setValue('organisationName', item?.name ?? '');
                field.onChange(item?.id ?? 0);
              }}
            />
            {fieldState.error ? <span className="field-error">{fieldState.error.message}</span> : null}
          </div>
        )}
      />
      <FormText control={control} name="jobTitle" label="Job title" />
      <FormText control={control} name="email" label="Work email" type="email" />
      <FormText control={control} name="phone" label="Phone" type="tel" description={phoneHint(phone)} />
      <FormDate control={control} name="startedOn" label="Started" />
      <FormCheckbox control={control} name="isSpoc" label="Modern slavery single point of contact (SPOC)" />
      {add.isError ? <Notice tone="error">{errorText(add.error, 'Could not add the post.')}</Notice> : null}
      <FormActions
        submit="Save post"
        busy={add.isPending}
        onCancel={() => {
          form.reset(noPost);
          setOpen(false);
        }}
      />
    </SubmitForm>
  );
}
