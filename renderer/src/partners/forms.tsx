import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import type { OrganisationInput, PersonInput } from '../../../shared/partners/domain';
import { emailOrEmpty, shortText } from '../../../shared/contract/common';
import {
  emptyOrganisation,
  emptyPerson,
  isoDateOrNull,
  organisationInput,
  personInput,
  phoneOrEmpty,
} from '../../../shared/partners/domain';
import { normalisePhone } from '../../../shared/partners/phone';
import { FOUR_PS, MEMBERSHIPS, SECTORS } from '../../../shared/partners/sectors';
import { ErrorDetails, errorText } from '../ui/errors';
import { FormActions, FormCheckbox, FormDate, FormLongText, FormSelect, FormText, useContractForm } from '../ui/form';
import { useLeaveGuard } from '../ui/leave-guard';
import { Notice } from '../ui/notice';
import { navigate } from '../ui/router';
import { useShortcut } from '../ui/shortcuts';
import type { Versioned } from '../ui/stale-write';
import { FormStaleNotice, useStaleWrite } from '../ui/stale-write';
import { SubmitForm } from '../ui/submit';
import { useSaveOrganisation, useSavePerson } from './mutations';
import { useDraft } from './use-draft';
const sectorOptions = SECTORS.map((s) => ({ value: s.key, label: s.label }));
const membershipOptions = MEMBERSHIPS.map((m) => ({ value: m.key, label: m.label }));

/** The normalised form of a phone number, shown under the field as it is typed. */
export function phoneHint(value: string): string | undefined {
  if (value.trim() === '') return 'UK or international, as you would dial it.';
  const r = normalisePhone(value);
  return r.ok ? `Shown as ${r.display}` : undefined;
}

/** Save, and Cancel, which asks before it drops unsaved changes. */
function RecordActions({
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
    <FormActions submit={label} busy={saving} busyLabel="Saving…">
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
    </FormActions>
  );
}

/** A partner record's form schema: the contract's record with the form's own extra fields. */
type RecordSchema = z.ZodType<FieldValues, FieldValues>;

/**
 * What a partner record's form runs on. Unsaved typing lives in the session draft (kept as it is
 * typed, with the version it is based on), so moving to another record and back keeps it. A draft
 * kept from an earlier visit saves on the version it was edited from, so a change made elsewhere
 * since is merged or taken, never written over. `saved` gives the save's reactions.
 */
function useRecordDraft<S extends RecordSchema>(
  schema: S,
  draftKey: string,
  stored: Versioned<z.input<S>>,
  labels: Partial<Record<keyof z.input<S>, string>>,
) {
  const draft = useDraft<z.input<S>>(draftKey, stored);
  const form = useContractForm(schema, { ...stored.value, ...draft.value } as DefaultValues<z.input<S>>, { guard: false });
  const stale = useStaleWrite(stored, { labels, base: draft.base });
  const { watch } = form;
  const { set } = draft;
  const { currentBase } = stale;
  useEffect(() => {
    const subscription = watch((values) => set(values as z.input<S>, currentBase()));
    return () => subscription.unsubscribe();
  }, [watch, set, currentBase]);
  useLeaveGuard(draft.dirty, { inApp: false });
  return {
    schema,
    draft,
    form,
    stale,
    /** The save's reactions: saved, the draft goes and `done` shows the record; refused as stale, the merge is offered. */
    saved: (done: (id: number) => void) => ({
      onSuccess: (record: { id: number }) => {
        draft.clear();
        done(record.id);
      },
      onStale: () => stale.refused(),
    }),
  };
}

/** The save a record form sends: its checked values on the version they are based on. */
type RecordSave<S extends RecordSchema> = {
  mutate: (based: { value: z.output<S>; version: number }) => void;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
};

/**
 * A partner record's form around its fields: Ctrl+S or Save sends it; below the fields, what
 * stopped the save (the highlighted fields, a change made elsewhere to merge or take, a refusal),
 * then Save and Cancel (which asks first when there is unsaved typing).
 */
function RecordForm<S extends RecordSchema>({
  record,
  save,
  label,
  what,
  failed,
  saveLabel,
  onCancel,
  children,
}: {
  record: ReturnType<typeof useRecordDraft<S>>;
  save: RecordSave<S>;
  /** The form's accessible name. */
  label: string;
  /** The record as the notices name it ("This organisation"). */
  what: string;
  failed: string;
  saveLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { schema, draft, form, stale } = record;
  const submit = form.handleSubmit((value) => save.mutate({ value, version: stale.version }));
  useShortcut('s', () => void submit());
  const hasErrors = form.formState.submitCount > 0 && Object.keys(form.formState.errors).length > 0;
  return (
    <SubmitForm className="form partner-form" label={label} onSubmit={submit}>
      {children}
      {hasErrors ? <Notice tone="error">Check the highlighted fields.</Notice> : null}
      {stale.theirs || stale.pending ? (
        <FormStaleNotice
          what={what}
          stale={stale}
          form={form}
          onMerged={(next) => {
            const parsed = schema.safeParse(next.value);
            if (parsed.success) save.mutate({ value: parsed.data, version: next.version });
          }}
          onReloaded={() => draft.clear()}
        />
      ) : save.isError ? (
        <Notice tone="error">
          {errorText(save.error, failed)}
          <ErrorDetails error={save.error} />
        </Notice>
      ) : null}
      <RecordActions saving={save.isPending} dirty={draft.dirty} label={saveLabel} onDiscard={onCancel} />
    </SubmitForm>
  );
}

const organisationForm = organisationInput.extend({
  contactName: shortText('Contact’s name'),
  contactJobTitle: shortText('Contact’s job title'),
  contactEmail: emailOrEmpty,
  contactPhone: phoneOrEmpty,
});
type OrganisationValues = z.input<typeof organisationForm>;
const noContact = { contactName: '', contactJobTitle: '', contactEmail: '', contactPhone: '' };
const organisationLabels: Partial<Record<keyof OrganisationValues, string>> = {
  name: 'Organisation name',
  sector: 'Sector',
  membership: 'Membership',
  pursue: 'Pursue',
  prevent: 'Prevent',
  protect: 'Protect',
  prepare: 'Prepare',
  email: 'Main email',
  phone: 'Main phone',
  website: 'Website',
  address: 'Address',
  notes: 'Notes',
};

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
  const storedValues: OrganisationValues = { ...(stored ?? emptyOrganisation()), ...noContact };
  const record = useRecordDraft(
    organisationForm,
    `organisation.${id ?? 'new'}`,
    { version, value: storedValues },
    organisationLabels,
  );
  const save = useSaveOrganisation(id, record.saved(done));
  const { control } = record.form;
  const phone = record.form.watch('phone');
  const contactPhone = record.form.watch('contactPhone');
  const cancel = () => {
    record.draft.clear();
    if (id === null) navigate('/partners/organisations');
    else done(id);
  };
  return (
    <RecordForm
      record={record}
      save={save}
      label={id === null ? 'New organisation' : 'Edit organisation'}
      what="This organisation"
      failed="Could not save the organisation."
      saveLabel="Save organisation"
      onCancel={cancel}
    >
      <FormText control={control} name="name" label="Organisation name" isRequired autoFocus />
      <FormSelect control={control} name="sector" label="Sector" options={sectorOptions} />
      <FormSelect control={control} name="membership" label="Membership" options={membershipOptions} />
      <fieldset className="four-ps">
        <legend>Contributes to</legend>
        {FOUR_PS.map((p) => (
          <FormCheckbox key={p.key} control={control} name={p.key} label={p.label} />
        ))}
      </fieldset>
      <FormText control={control} name="email" label="Main email" type="email" />
      <FormText control={control} name="phone" label="Main phone" type="tel" description={phoneHint(phone)} />
      <FormText control={control} name="website" label="Website" />
      <FormLongText control={control} name="address" label="Address" rows={3} />
      <FormLongText control={control} name="notes" label="Notes" rows={3} />
      {id === null ? (
        <fieldset>
          <legend>Single point of contact (optional)</legend>
          <p className="field-description">Saved as a person in a current post here, marked as the organisation’s SPOC.</p>
          <FormText control={control} name="contactName" label="Contact’s name" />
          <FormText control={control} name="contactJobTitle" label="Contact’s job title" />
          <FormText control={control} name="contactEmail" label="Contact’s email" type="email" />
          <FormText
            control={control}
            name="contactPhone"
            label="Contact’s phone"
            type="tel"
            description={phoneHint(contactPhone)}
          />
        </fieldset>
      ) : null}
    </RecordForm>
  );
}

const personForm = personInput.extend({
  // The date field gives '' when empty; the contract's person has null.
  lastVerified: z
    .string()
    .transform((v) => (v === '' ? null : v))
    .pipe(isoDateOrNull),
  jobTitle: shortText('Job title'),
  email: emailOrEmpty,
  phone: phoneOrEmpty,
  isSpoc: z.boolean(),
});
type PersonValues = z.input<typeof personForm>;
const personLabels: Partial<Record<keyof PersonValues, string>> = {
  name: 'Name',
  pronouns: 'Pronouns',
  source: 'Source of the record',
  lawfulBasis: 'Lawful basis',
  lastVerified: 'Last verified',
  notes: 'Notes',
};

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
  const person = stored ?? emptyPerson();
  const storedValues: PersonValues = {
    ...person,
    lastVerified: person.lastVerified ?? '',
    jobTitle: '',
    email: '',
    phone: '',
    isSpoc: false,
  };
  const record = useRecordDraft(
    personForm,
    `person.${id ?? `new.${organisation?.id ?? ''}`}`,
    { version, value: storedValues },
    personLabels,
  );
  const save = useSavePerson(id, organisation, record.saved(done));
  const { control } = record.form;
  const phone = record.form.watch('phone');
  const cancel = () => {
    record.draft.clear();
    if (id !== null) done(id);
    else if (organisation) navigate(`/partners/organisations/${organisation.id}`);
    else navigate('/partners/people');
  };
  return (
    <RecordForm
      record={record}
      save={save}
      label={id === null ? 'New person' : 'Edit person'}
      what="This person’s record"
      failed="Could not save the person."
      saveLabel="Save person"
      onCancel={cancel}
    >
      <FormText control={control} name="name" label="Name" isRequired autoFocus />
      <FormText control={control} name="pronouns" label="Pronouns" description="Optional, for example she/her." />
      {organisation ? (
        <fieldset>
          <legend>Post at {organisation.name}</legend>
          <FormText control={control} name="jobTitle" label="Job title" />
          <FormText control={control} name="email" label="Work email" type="email" />
          <FormText control={control} name="phone" label="Phone" type="tel" description={phoneHint(phone)} />
          <FormCheckbox
            control={control}
            name="isSpoc"
            label="Modern slavery single point of contact (SPOC) for this organisation"
          />
        </fieldset>
      ) : null}
      <fieldset>
        <legend>Record keeping</legend>
        <FormText
          control={control}
          name="source"
          label="Source of the record"
          description="Where these details came from, for example ‘Introduced at the March meeting’."
        />
        <FormLongText control={control} name="lawfulBasis" label="Lawful basis for holding it" rows={2} />
        <FormDate
          control={control}
          name="lastVerified"
          label="Last verified"
          description="When you last checked these details with the person."
        />
      </fieldset>
      <FormLongText control={control} name="notes" label="Notes" rows={3} />
    </RecordForm>
  );
}
