import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { OrganisationInput, PersonInput } from '../../../shared/partners/domain';
import { z } from 'zod';
import { emailOrEmpty } from '../../../shared/contract/common';
import { emptyOrganisation, emptyPerson, organisationInput, personInput, phoneOrEmpty } from '../../../shared/partners/domain';
import { normalisePhone } from '../../../shared/partners/phone';
import { FOUR_PS, MEMBERSHIPS, SECTORS } from '../../../shared/partners/sectors';
import { call } from '../api/client';
import { DateField } from '../ui/date-field';
import { LongTextInput, TextInput } from '../ui/fields';
import { Notice } from '../ui/notice';
import { useLeaveGuard } from '../ui/leave-guard';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { CheckboxField, SelectField, fieldErrors } from '../ui/fields';
import { ErrorDetails, errorText } from '../ui/errors';
import { useDraft } from './use-draft';

const contactSchema = z.object({ email: emailOrEmpty, phone: phoneOrEmpty });
const sectorOptions = SECTORS.map((s) => ({ value: s.key, label: s.label }));
const membershipOptions = MEMBERSHIPS.map((m) => ({ value: m.key, label: m.label }));

/** The normalised form of a phone number, shown under the field as it is typed. */
export function phoneHint(value: string): string | undefined {
  if (value.trim() === '') return 'UK or international, as you would dial it.';
  const r = normalisePhone(value);
  return r.ok ? `Shown as ${r.display}` : undefined;
}

function FormActions({
  saving,
  dirty,
  label,
  onDiscard,
}: {
  saving: boolean;
  dirty: boolean;
  label: string;
  onDiscard: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="form-actions">
      <Button type="submit" className="button primary" isDisabled={saving}>
        {saving ? 'Saving…' : label}
      </Button>
      {confirming ? (
        <span className="inline-confirm" role="group" aria-label="Discard your changes?">
          <span>Discard your changes?</span>
          <Button className="button danger" onPress={onDiscard}>
            Discard
          </Button>
          <Button className="button" onPress={() => setConfirming(false)}>
            Keep editing
          </Button>
        </span>
      ) : (
        <Button className="button" onPress={() => (dirty ? setConfirming(true) : onDiscard())}>
          Cancel
        </Button>
      )}
      {dirty ? <span className="unsaved">Unsaved changes</span> : null}
    </div>
  );
}

type ContactDraft = { name: string; jobTitle: string; email: string; phone: string };
const prefixed = (errors: Record<string, string> | null) =>
  errors ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [`contact${k[0]!.toUpperCase()}${k.slice(1)}`, v])) : null;

export function OrganisationForm({
  id,
  version = 1,
  stored,
  done,
}: {
  id: number | null;
  /** The stored version the edit is based on (a save based on an older one is refused). */
  version?: number;
  stored?: OrganisationInput;
  done: (id: number) => void;
}) {
  const queryClient = useQueryClient();
  const draft = useDraft<OrganisationInput>(`organisation.${id ?? 'new'}`, stored ?? emptyOrganisation());
  const value = draft.value ?? emptyOrganisation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A new organisation can bring its single point of contact in the same form.
  const noContact: ContactDraft = { name: '', jobTitle: '', email: '', phone: '' };
  const contactDraft = useDraft<ContactDraft>('organisation.new.contact', noContact);
  const contact = contactDraft.value ?? noContact;
  useLeaveGuard(draft.dirty || contactDraft.dirty, { inApp: false });
  const save = useMutation({
    mutationFn: async (v: OrganisationInput) => {
      if (id !== null) return call('partners.organisations.update', { id, version, value: v });
      const created = await call('partners.organisations.create', v);
      if (contact.name.trim() !== '') {
        await call('partners.people.create', {
          value: { ...emptyPerson(), name: contact.name.trim() },
          post: {
            organisationId: created.id,
            jobTitle: contact.jobTitle.trim(),
            email: contact.email.trim(),
            phone: contact.phone.trim(),
            isSpoc: true,
            startedOn: null,
          },
        });
      }
      return created;
    },
    onSuccess: (saved) => {
      draft.clear();
      contactDraft.clear();
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
      done(saved.id);
    },
  });
  const submit = useCallback(() => {
    const problems = {
      ...fieldErrors(organisationInput, value),
      ...(contact.name.trim() !== ''
        ? prefixed(fieldErrors(contactSchema, { email: contact.email, phone: contact.phone }))
        : null),
    };
    setErrors(problems);
    if (Object.keys(problems).length === 0) save.mutate(organisationInput.parse(value));
  }, [value, contact, save]);
  useShortcut('s', submit);
  const set =
    <K extends keyof OrganisationInput>(k: K) =>
    (v: OrganisationInput[K]) =>
      draft.set({ ...value, [k]: v });
  const setContact = (k: keyof ContactDraft) => (v: string) => contactDraft.set({ ...contact, [k]: v });
  const cancel = () => {
    draft.clear();
    contactDraft.clear();
    if (id === null) navigate('/partners/organisations');
    else done(id);
  };
  return (
    <Form
      className="form partner-form"
      aria-label={id === null ? 'New organisation' : 'Edit organisation'}
      validationBehavior="aria"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextInput label="Organisation name" value={value.name} onChange={set('name')} error={errors.name} isRequired autoFocus />
      <SelectField label="Sector" value={value.sector} options={sectorOptions} onChange={set('sector')} />
      <SelectField label="Membership" value={value.membership} options={membershipOptions} onChange={set('membership')} />
      <fieldset className="four-ps">
        <legend>Contributes to</legend>
        {FOUR_PS.map((p) => (
          <CheckboxField key={p.key} label={p.label} checked={value[p.key]} onChange={set(p.key)} />
        ))}
      </fieldset>
      <TextInput label="Main email" type="email" value={value.email} onChange={set('email')} error={errors.email} />
      <TextInput
        label="Main phone"
        type="tel"
        value={value.phone}
        onChange={set('phone')}
        error={errors.phone}
        description={phoneHint(value.phone)}
      />
      <TextInput label="Website" value={value.website} onChange={set('website')} error={errors.website} />
      <LongTextInput label="Address" value={value.address} onChange={set('address')} error={errors.address} rows={3} />
      <LongTextInput label="Notes" value={value.notes} onChange={set('notes')} error={errors.notes} rows={3} />
      {id === null ? (
        <fieldset>
          <legend>Single point of contact (optional)</legend>
          <p className="field-description">Saved as a person in a current post here, marked as the organisation’s SPOC.</p>
          <TextInput label="Contact’s name" value={contact.name} onChange={setContact('name')} />
          <TextInput label="Contact’s job title" value={contact.jobTitle} onChange={setContact('jobTitle')} />
          <TextInput
            label="Contact’s email"
            type="email"
            value={contact.email}
            onChange={setContact('email')}
            error={errors.contactEmail}
          />
          <TextInput
            label="Contact’s phone"
            type="tel"
            value={contact.phone}
            onChange={setContact('phone')}
            error={errors.contactPhone}
            description={phoneHint(contact.phone)}
          />
        </fieldset>
      ) : null}
      {Object.keys(errors).length > 0 ? <Notice tone="error">Check the highlighted fields.</Notice> : null}
      {save.isError ? (
        <Notice tone="error">
          {errorText(save.error, 'Could not save the organisation.')}
          <ErrorDetails error={save.error} />
        </Notice>
      ) : null}
      <FormActions saving={save.isPending} dirty={draft.dirty} label="Save organisation" onDiscard={cancel} />
    </Form>
  );
}

export function PersonForm({
  id,
  version = 1,
  stored,
  organisation,
  done,
}: {
  id: number | null;
  version?: number;
  stored?: PersonInput;
  /** Creating someone from an organisation's page: their first post there. */
  organisation?: { id: number; name: string };
  done: (id: number) => void;
}) {
  const queryClient = useQueryClient();
  type Value = PersonInput & { jobTitle: string; email: string; phone: string; isSpoc: boolean };
  const initial: Value = { ...(stored ?? emptyPerson()), jobTitle: '', email: '', phone: '', isSpoc: false };
  const draft = useDraft<Value>(`person.${id ?? `new.${organisation?.id ?? ''}`}`, initial);
  const value = draft.value ?? initial;
  const [errors, setErrors] = useState<Record<string, string>>({});
  useLeaveGuard(draft.dirty, { inApp: false });
  const save = useMutation({
    mutationFn: (v: Value) => {
      const { jobTitle, email, phone, isSpoc, ...person } = v;
      if (id !== null) return call('partners.people.update', { id, version, value: person });
      return call('partners.people.create', {
        value: person,
        post: organisation ? { organisationId: organisation.id, jobTitle, email, phone, isSpoc, startedOn: null } : null,
      });
    },
    onSuccess: (saved) => {
      draft.clear();
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
      done(saved.id);
    },
  });
  const submit = useCallback(() => {
    const { jobTitle, email, phone, isSpoc, ...person } = value;
    const problems = {
      ...fieldErrors(personInput, person),
      ...(organisation ? fieldErrors(contactSchema, { email, phone }) : null),
    };
    void isSpoc;
    void jobTitle;
    setErrors(problems);
    if (Object.keys(problems).length === 0) save.mutate(value);
  }, [value, save, organisation]);
  useShortcut('s', submit);
  const set =
    <K extends keyof Value>(k: K) =>
    (v: Value[K]) =>
      draft.set({ ...value, [k]: v });
  const cancel = () => {
    draft.clear();
    if (id !== null) done(id);
    else if (organisation) navigate(`/partners/organisations/${organisation.id}`);
    else navigate('/partners/people');
  };
  return (
    <Form
      className="form partner-form"
      aria-label={id === null ? 'New person' : 'Edit person'}
      validationBehavior="aria"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextInput label="Name" value={value.name} onChange={set('name')} error={errors.name} isRequired autoFocus />
      <TextInput
        label="Pronouns"
        value={value.pronouns}
        onChange={set('pronouns')}
        error={errors.pronouns}
        description="Optional, for example she/her."
      />
      {organisation ? (
        <fieldset>
          <legend>Post at {organisation.name}</legend>
          <TextInput label="Job title" value={value.jobTitle} onChange={set('jobTitle')} />
          <TextInput label="Work email" type="email" value={value.email} onChange={set('email')} error={errors.email} />
          <TextInput
            label="Phone"
            type="tel"
            value={value.phone}
            onChange={set('phone')}
            error={errors.phone}
            description={phoneHint(value.phone)}
          />
          <CheckboxField
            label="Modern slavery single point of contact (SPOC) for this organisation"
            checked={value.isSpoc}
            onChange={set('isSpoc')}
          />
        </fieldset>
      ) : null}
      <fieldset>
        <legend>Record keeping</legend>
        <TextInput
          label="Source of the record"
          value={value.source}
          onChange={set('source')}
          description="Where these details came from, for example ‘Introduced at the March meeting’."
        />
        <LongTextInput label="Lawful basis for holding it" value={value.lawfulBasis} onChange={set('lawfulBasis')} rows={2} />
        <DateField
          label="Last verified"
          value={value.lastVerified ?? ''}
          onChange={(v) => set('lastVerified')(v === '' ? null : v)}
          error={errors.lastVerified}
          description="When you last checked these details with the person."
        />
      </fieldset>
      <LongTextInput label="Notes" value={value.notes} onChange={set('notes')} error={errors.notes} rows={3} />
      {Object.keys(errors).length > 0 ? <Notice tone="error">Check the highlighted fields.</Notice> : null}
      {save.isError ? (
        <Notice tone="error">
          {errorText(save.error, 'Could not save the person.')}
          <ErrorDetails error={save.error} />
        </Notice>
      ) : null}
      <FormActions saving={save.isPending} dirty={draft.dirty} label="Save person" onDiscard={cancel} />
    </Form>
  );
}
