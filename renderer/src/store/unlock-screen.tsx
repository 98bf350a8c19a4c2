import { useState } from 'react';
import type { StoreStatus } from '../../../shared/store/status';
import { errorText } from '../ui/errors';
import { TextInput } from '../ui/fields';
import { Notice } from '../ui/notice';
import { SubmitForm } from '../ui/submit';
import { useUnlock } from './mutations';
import { RememberField } from './passphrase-fields';
import { StoreCard } from './store-card';
import { FormActions } from '../ui/form';

/** Every start (and after a lock): the passphrase or the recovery key opens the store. */
export function UnlockScreen({ status }: { status: StoreStatus }) {
  const [secret, setSecret] = useState('');
  const [remember, setRemember] = useState(status.remembered);
  const unlock = useUnlock({
    onSuccess: () => setSecret(''),
    onError: () => setSecret(''),
  });

  return (
    <StoreCard title="Unlock Concordat">
      <p>The partnership’s records are encrypted. Enter your passphrase to open them.</p>
      <SubmitForm
        label="Unlock Concordat"
        onSubmit={() => {
          if (secret !== '') unlock.mutate({ secret, ...(status.canRemember ? { remember } : {}) });
        }}
      >
        <TextInput
          label="Passphrase"
          type="password"
          autoComplete="current-password"
          value={secret}
          onChange={(v) => {
            setSecret(v);
            if (unlock.isError) unlock.reset();
          }}
          autoFocus
          isRequired
          description="Forgotten it? Type the recovery key here instead (the groups of letters and numbers you saved when you set Concordat up)."
        />
        {status.canRemember ? <RememberField checked={remember} onChange={setRemember} sharedWarning={false} /> : null}
        {unlock.error ? <Notice tone="error">{errorText(unlock.error, 'Could not unlock Concordat.')}</Notice> : null}
        <FormActions submit="Unlock" busy={unlock.isPending} busyLabel="Unlocking…" disabled={secret === ''} />
      </SubmitForm>
    </StoreCard>
  );
}
