import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { StoreStatus } from '../../../shared/store/status';
import { ApiError } from '../api/client';
import { CheckboxField, TextInput } from '../ui/fields';
import { Notice } from '../ui/notice';
import { useUnlock } from './mutations';

/** Every start (and after a lock): the passphrase or the recovery key opens the store. */
export function UnlockScreen({ status }: { status: StoreStatus }) {
  const [secret, setSecret] = useState('');
  const [remember, setRemember] = useState(status.remembered);
  const unlock = useUnlock({
    onSuccess: () => setSecret(''),
    onError: () => setSecret(''),
  });

  return (
    <main className="store-screen">
      <div className="store-card">
        <span className="store-brand">Concordat</span>
        <h1>Unlock Concordat</h1>
        <p>The partnership’s records are encrypted. Enter your passphrase to open them.</p>
        <Form
          className="form"
          aria-label="Unlock Concordat"
          validationBehavior="aria"
          onSubmit={(e) => {
            e.preventDefault();
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
          {status.canRemember ? (
            <CheckboxField
              label="Remember on this computer"
              description="Opens without the passphrase when you are signed in to this computer."
              checked={remember}
              onChange={setRemember}
            />
          ) : null}
          {unlock.error ? (
            <Notice tone="error">
              {unlock.error instanceof ApiError ? unlock.error.message : 'Could not unlock Concordat.'}
            </Notice>
          ) : null}
          <div className="form-actions">
            <Button type="submit" className="button primary" isDisabled={unlock.isPending || secret === ''}>
              {unlock.isPending ? 'Unlocking…' : 'Unlock'}
            </Button>
          </div>
        </Form>
      </div>
    </main>
  );
}
