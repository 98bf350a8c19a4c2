import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { ProtectiveMarking } from '../../../shared/markings';
import type { PartnershipSettings, PartnershipSettingsInput } from '../../../shared/settings';
import { partnershipSettingsSchema } from '../../../shared/settings';
import { call } from '../api/client';
import { useSaveSettings } from '../settings/mutations';
import { settingsKeys } from '../settings/queries';
import { errorText } from '../ui/errors';
import { RadioChoice } from '../ui/fields';
import { FormActions, FormText, useContractForm } from '../ui/form';
import { StaleWriteNotice, useStaleWrite } from '../ui/stale-write';
import { LoadExampleButton } from '../ui/load-example';
import { Notice } from '../ui/notice';
import { Page } from '../ui/page';
import { useShortcut } from '../ui/shortcuts';
import { CoordinatorInDirectory } from './settings-coordinator';
import { ActivitySettings } from './settings-activity';
import { PrivacyRequestsSettings } from './settings-privacy-requests';
import { RetentionSettings } from './settings-retention';
import { SecuritySettings } from './settings-security';
import { SettingsBackups } from './settings-backups';

const MARKINGS: { value: ProtectiveMarking; label: string; description: string }[] = [
  { value: 'OFFICIAL', label: 'OFFICIAL', description: 'Routine partnership business.' },
  {
    value: 'OFFICIAL-SENSITIVE',
    label: 'OFFICIAL-SENSITIVE',
    description: 'Information whose loss or disclosure could cause harm. Shown at the top and bottom of every page.',
  },
];

const settingsLabels: Partial<Record<keyof PartnershipSettingsInput, string>> = {
  name: 'Partnership name',
  area: 'Area',
  coordinatorName: 'Coordinator name',
  coordinatorEmail: 'Coordinator email',
  coordinatorPersonId: 'Coordinator in the directory',
  defaultMarking: 'Default protective marking',
};

export function SettingsScreen() {
  const settings = useQuery({ queryKey: settingsKeys.settings, queryFn: () => call('settings.get', {}) });
  const info = useQuery({ queryKey: settingsKeys.appInfo, queryFn: () => call('app.info', {}) });
  if (settings.isError) {
    return (
      <Page title="Settings">
        <Notice tone="error">{settings.error.message}</Notice>
      </Page>
    );
  }
  if (!settings.data) return <Page title="Settings">Loading…</Page>;
  return (
    <Page title="Settings">
      <SettingsForm stored={settings.data} />
      <section className="try-concordat" aria-labelledby="try-heading">
        <h2 id="try-heading">Try Concordat</h2>
        <p>
          Load an invented example partnership to explore the directory, meetings and documents. It adds organisations and people,
          and names the partnership only if you have not named it yet. It changes nothing you have entered, and you can archive or
          erase the example records later.
        </p>
        <LoadExampleButton />
      </section>
      <PrivacyRequestsSettings />
      <RetentionSettings />
      <ActivitySettings />
      <SecuritySettings />
      <SettingsBackups />
      {info.data ? (
        <dl className="about" aria-label="About this copy of Concordat">
          <dt>Version</dt>
          <dd>{info.data.version}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.data.dataDir}</code>
          </dd>
          <dt>Data version</dt>
          <dd>{info.data.schemaVersion ?? '–'}</dd>
        </dl>
      ) : null}
    </Page>
  );
}

function SettingsForm({ stored }: { stored: PartnershipSettings }) {
  const form = useContractForm(partnershipSettingsSchema, stored, {
    guardMessage: 'Your settings have changes that are not saved. Leave and lose them?',
  });
  const { control } = form;
  const dirty = form.formState.isDirty;
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const stale = useStaleWrite({ version: stored.version, value: stored }, { labels: settingsLabels });
  // The stored settings changed while nothing here is being edited (a restore, another window):
  // show them. With unsaved typing the form keeps it, and a save then meets the stale refusal.
  const storedKey = JSON.stringify(stored);
  const shown = useRef(storedKey);
  useEffect(() => {
    if (shown.current === storedKey || form.formState.isDirty || stale.pending || stale.theirs) return;
    shown.current = storedKey;
    const next = JSON.parse(storedKey) as PartnershipSettings;
    form.reset(next);
    stale.rebase({ version: next.version, value: next });
  }, [storedKey, form, stale]);
  const save = useSaveSettings({
    onSuccess: (saved) => {
      stale.rebase({ version: saved.version, value: saved });
      form.reset(saved);
      setMessage({ tone: 'success', text: 'Settings saved.' });
    },
    onStale: () => {
      setMessage(null);
      stale.refused();
    },
    onError: (error) => setMessage({ tone: 'error', text: errorText(error, 'Could not save the settings.') }),
  });
  const submit = form.handleSubmit(
    (value) => {
      setMessage(null);
      save.mutate({ ...value, version: stale.version });
    },
    () => setMessage({ tone: 'error', text: 'Check the highlighted fields.' }),
  );
  useShortcut('s', () => void submit(), dirty);
  const personId = form.watch('coordinatorPersonId') ?? null;
  const typedName = form.watch('coordinatorName');
  const typedEmail = form.watch('coordinatorEmail');
  return (
    <Form className="form" aria-label="Partnership settings" validationBehavior="aria" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>Partnership</legend>
        <FormText control={control} name="name" label="Partnership name" isRequired maxLength={200} />
        <FormText
          control={control}
          name="area"
          label="Area"
          description="The local authority or police force area the partnership covers."
        />
      </fieldset>
      <fieldset>
        <legend>Coordinator</legend>
        <FormText control={control} name="coordinatorName" label="Coordinator name" />
        <FormText control={control} name="coordinatorEmail" label="Coordinator email" type="email" />
        <CoordinatorInDirectory
          personId={personId}
          typedName={typedName}
          typedEmail={typedEmail}
          onChoose={(p) => {
            form.setValue('coordinatorPersonId', p?.id ?? null, { shouldDirty: true });
            if (p) {
              form.setValue('coordinatorName', p.name, { shouldDirty: true });
              form.setValue('coordinatorEmail', p.email || typedEmail, { shouldDirty: true });
            }
          }}
        />
      </fieldset>
      <Controller
        control={control}
        name="defaultMarking"
        render={({ field }) => (
          <RadioChoice
            label="Default protective marking"
            description="New documents and meeting papers start with this marking. You can change it on each one."
            value={field.value}
            options={MARKINGS}
            onChange={(v: ProtectiveMarking) => {
              field.onChange(v);
              setMessage(null);
            }}
          />
        )}
      />
      {stale.theirs ? (
        <StaleWriteNotice
          what="The settings"
          changed={stale.changed}
          conflicts={stale.conflicts(form.getValues() as PartnershipSettings)}
          onMerge={() => {
            const next = stale.keepMine(form.getValues() as PartnershipSettings);
            if (!next) return;
            // Still unsaved (and guarded) until the save on the new version comes back.
            form.reset(next.value, { keepDefaultValues: true });
            save.mutate({ ...next.value, version: next.version });
          }}
          onReload={() => {
            const theirs = stale.takeTheirs();
            if (theirs) form.reset(theirs);
          }}
        />
      ) : stale.pending ? (
        <Notice tone="info">The settings changed somewhere else; loading that version…</Notice>
      ) : null}
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <FormActions submit="Save settings" busy={save.isPending} busyLabel="Saving…" disabled={!dirty}>
        <Button className="button" isDisabled={!dirty || save.isPending} onPress={() => form.reset(stored)}>
          Discard changes
        </Button>
      </FormActions>
    </Form>
  );
}
