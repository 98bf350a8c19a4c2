import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { IDLE_LOCK_CHOICES } from '../../../shared/store/status';
import { CheckboxField, SelectField } from '../ui/fields';
import { FormActions, FormText, useContractForm } from '../ui/form';
import { errorText } from '../ui/errors';
import type { Message } from '../ui/notice';
import { Notice } from '../ui/notice';
import { SubmitForm } from '../ui/submit';
import { NEW_PASSPHRASE_HELP, PassphraseStrengthMeter, RememberField } from '../store/passphrase-fields';
import { RecoveryKeyPanel } from '../store/recovery-key';
import { useChangePassphrase, useNewRecoveryKey, useSetStorePreferences } from '../store/mutations';
import { useStoreStatus } from '../store/store-status';

const idleLabel = (m: number) =>
  m === 0 ? 'Never' : m < 60 ? `After ${m} minutes` : `After ${m / 60} hour${m === 60 ? '' : 's'}`;

/** Settings, Security: lock timing, remembering the key, and changing the passphrase. */
export function SecuritySettings() {
  const queryClient = useQueryClient();
  const status = useStoreStatus(queryClient);
  const [prefMessage, setPrefMessage] = useState<Message>(null);
  const preferences = useSetStorePreferences({
    onSuccess: () => setPrefMessage({ tone: 'success', text: 'Security settings saved.' }),
    onError: (error) => setPrefMessage({ tone: 'error', text: errorText(error, 'Could not save the security settings.') }),
  });
  if (!status.data) return null;
  const s = status.data;

  return (
    <section className="security-section" aria-labelledby="security-heading">
      <h2 id="security-heading">Security</h2>
      <p>
        The partnership’s records are encrypted on this computer. The key file <code>concordat.keys.json</code> in the data folder
        holds no secret, but the records cannot be opened without it: keep it with your backups.
      </p>
      <SelectField
        label="Lock when not in use"
        value={String(s.idleLockMinutes)}
        options={[...new Set([...IDLE_LOCK_CHOICES, s.idleLockMinutes])].map((m) => ({ value: String(m), label: idleLabel(m) }))}
        onChange={(v) => preferences.mutate({ idleLockMinutes: Number(v) })}
      />
      {s.canRemember ? (
        <RememberField checked={s.remembered} onChange={(remember) => preferences.mutate({ remember })} />
      ) : s.rememberUnavailableReason ? (
        <p className="strength-text">Remember on this computer: not available. {s.rememberUnavailableReason}</p>
      ) : null}
      {prefMessage ? <Notice tone={prefMessage.tone}>{prefMessage.text}</Notice> : null}
      <ChangePassphrase />
      <NewRecoveryKey />
    </section>
  );
}

const changeForm = contract['store.changePassphrase'].request
  .extend({ confirm: z.string() })
  .refine((v) => v.next === v.confirm, {
    path: ['confirm'],
    message: 'The two passphrases are not the same. Type it again in both boxes.',
  });
const noChange = { current: '', next: '', confirm: '' };

function ChangePassphrase() {
  const form = useContractForm(changeForm, noChange);
  const { control } = form;
  const [message, setMessage] = useState<Message>(null);
  const change = useChangePassphrase({
    onSuccess: () => {
      form.reset(noChange);
      setMessage({
        tone: 'success',
        text: 'Passphrase changed. Use the new one from now on. Your recovery key and backups still work.',
      });
    },
    onError: (error) => setMessage({ tone: 'error', text: errorText(error, 'Could not change the passphrase.') }),
  });
  const submit = form.handleSubmit(
    (value) => {
      setMessage(null);
      change.mutate({ current: value.current, next: value.next });
    },
    () => setMessage({ tone: 'error', text: 'Check the highlighted fields.' }),
  );
  return (
    <SubmitForm label="Change passphrase" onSubmit={submit}>
      <fieldset>
        <legend>Change passphrase</legend>
        <FormText
          control={control}
          name="current"
          label="Current passphrase"
          type="password"
          autoComplete="current-password"
          isRequired
          description="Forgotten it? Enter the recovery key instead."
        />
        <FormText
          control={control}
          name="next"
          label="New passphrase"
          type="password"
          autoComplete="new-password"
          isRequired
          description={NEW_PASSPHRASE_HELP}
        />
        <PassphraseStrengthMeter passphrase={form.watch('next')} />
        <FormText
          control={control}
          name="confirm"
          label="Type the new passphrase again"
          type="password"
          autoComplete="new-password"
          isRequired
        />
      </fieldset>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <FormActions submit="Change passphrase" busy={change.isPending} busyLabel="Changing…" />
    </SubmitForm>
  );
}

const recoveryForm = contract['store.newRecoveryKey'].request;

function NewRecoveryKey() {
  const form = useContractForm(recoveryForm, { current: '' });
  const [saved, setSaved] = useState(false);
  const make = useNewRecoveryKey({
    onSuccess: () => {
      form.reset({ current: '' });
      setSaved(false);
    },
  });
  if (make.data)
    return (
      <section className="security-section" aria-labelledby="new-recovery-heading">
        <h3 id="new-recovery-heading">Your new recovery key</h3>
        <p>The old recovery key no longer opens Concordat. This is the only time the new one is shown.</p>
        <RecoveryKeyPanel recoveryKey={make.data.recoveryKey} />
        <CheckboxField label="I have saved the new recovery key somewhere safe" checked={saved} onChange={setSaved} />
        <FormActions>
          <Button className="button primary" isDisabled={!saved} onPress={() => make.reset()}>
            Done
          </Button>
        </FormActions>
      </section>
    );
  return (
    <SubmitForm label="New recovery key" onSubmit={form.handleSubmit((value) => make.mutate(value))}>
      <fieldset>
        <legend>Recovery key</legend>
        <p>
          Make a new recovery key when you hand over to another coordinator, or if the old one was lost or not saved. The old key
          stops working.
        </p>
        <FormText
          control={form.control}
          name="current"
          label="Current passphrase or recovery key"
          type="password"
          autoComplete="current-password"
          isRequired
          description="To make sure it is you."
        />
      </fieldset>
      {make.error ? <Notice tone="error">{errorText(make.error, 'Could not make a new recovery key.')}</Notice> : null}
      <FormActions submit="Make a new recovery key" plain busy={make.isPending} busyLabel="Making…" />
    </SubmitForm>
  );
}
