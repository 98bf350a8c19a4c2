import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { ProtectiveMarking } from '../../../shared/markings';
import type { PartnershipSettings } from '../../../shared/settings';
import { partnershipSettingsSchema } from '../../../shared/settings';
import { ApiError, call } from '../api/client';
import { RadioChoice, TextInput } from '../ui/fields';
import { LoadExampleButton } from '../ui/load-example';
import { Notice } from '../ui/notice';
import { Page } from '../ui/page';
import { useLeaveGuard } from '../ui/leave-guard';
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

type FieldErrors = Partial<Record<keyof PartnershipSettings, string>>;

export function SettingsScreen() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => call('app.info', {}) });
  // Unsaved edits; null means the form shows what is stored.
  const [edits, setEdits] = useState<PartnershipSettings | null>(null);
  const draft = edits ?? settings.data ?? null;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const dirty = edits !== null && JSON.stringify(edits) !== JSON.stringify(settings.data);
  useLeaveGuard(dirty, { message: 'Your settings have changes that are not saved. Leave and lose them?' });

  const save = useMutation({
    mutationFn: (value: PartnershipSettings) => call('settings.update', value),
    onSuccess: (saved) => {
      queryClient.setQueryData(['settings'], saved);
      setEdits(null);
      setMessage({ tone: 'success', text: 'Settings saved.' });
    },
    onError: (error) =>
      setMessage({ tone: 'error', text: error instanceof ApiError ? error.message : 'Could not save the settings.' }),
  });

  const submit = useCallback(() => {
    if (!draft) return;
    const parsed = partnershipSettingsSchema.safeParse(draft);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof PartnershipSettings;
        next[key] ??= issue.message;
      }
      setErrors(next);
      setMessage({ tone: 'error', text: 'Check the highlighted fields.' });
      return;
    }
    setErrors({});
    setMessage(null);
    save.mutate(parsed.data);
  }, [draft, save]);

  useShortcut('s', submit, dirty);

  if (settings.isError) {
    return (
      <Page title="Settings">
        <Notice tone="error">{settings.error.message}</Notice>
      </Page>
    );
  }
  if (!draft) return <Page title="Settings">Loading…</Page>;

  const set =
    <K extends keyof PartnershipSettings>(key: K) =>
    (value: PartnershipSettings[K]) => {
      setEdits({ ...draft, [key]: value });
      setMessage(null);
    };

  return (
    <Page title="Settings">
      <Form
        className="form"
        aria-label="Partnership settings"
        validationBehavior="aria"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset>
          <legend>Partnership</legend>
          <TextInput
            label="Partnership name"
            value={draft.name}
            onChange={set('name')}
            error={errors.name}
            isRequired
            maxLength={200}
          />
          <TextInput
            label="Area"
            value={draft.area}
            onChange={set('area')}
            error={errors.area}
            description="The local authority or police force area the partnership covers."
          />
        </fieldset>
        <fieldset>
          <legend>Coordinator</legend>
          <TextInput
            label="Coordinator name"
            value={draft.coordinatorName}
            onChange={set('coordinatorName')}
            error={errors.coordinatorName}
          />
          <TextInput
            label="Coordinator email"
            type="email"
            value={draft.coordinatorEmail}
            onChange={set('coordinatorEmail')}
            error={errors.coordinatorEmail}
          />
          <CoordinatorInDirectory
            personId={draft.coordinatorPersonId}
            typedName={draft.coordinatorName}
            typedEmail={draft.coordinatorEmail}
            onChoose={(p) =>
              setEdits({
                ...draft,
                coordinatorPersonId: p?.id ?? null,
                ...(p ? { coordinatorName: p.name, coordinatorEmail: p.email || draft.coordinatorEmail } : {}),
              })
            }
          />
        </fieldset>
        <RadioChoice
          label="Default protective marking"
          description="New documents and meeting papers start with this marking. You can change it on each one."
          value={draft.defaultMarking}
          options={MARKINGS}
          onChange={set('defaultMarking')}
        />
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        <div className="form-actions">
          <Button type="submit" className="button primary" isDisabled={!dirty || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save settings'}
          </Button>
          <Button className="button" isDisabled={!dirty || save.isPending} onPress={() => setEdits(null)}>
            Discard changes
          </Button>
        </div>
      </Form>
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
