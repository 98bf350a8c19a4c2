import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { StoreStatus } from '../../../shared/store/status';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/store/status';
import { ApiError } from '../api/client';
import { CheckboxField } from '../ui/fields';
import { Notice } from '../ui/notice';
import { NewPassphraseFields, passphraseProblem } from './passphrase-fields';
import { useSetUpStore } from './mutations';
import { RecoveryKeyPanel } from './recovery-key';

/** First launch: choose the passphrase, then save the recovery key (shown this once). */
export function SetupScreen({ status, onDone }: { status: StoreStatus; onDone: (status: StoreStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const setUp = useSetUpStore({
    onSuccess: () => {
      setPassphrase('');
      setConfirm('');
    },
  });

  if (setUp.data) return <RecoveryKeyStep recoveryKey={setUp.data.recoveryKey} onDone={() => onDone(setUp.data.status)} />;

  return (
    <main className="store-screen">
      <div className="store-card">
        <span className="store-brand">Concordat</span>
        <h1>Choose a passphrase</h1>
        <p>
          Concordat keeps the partnership’s records encrypted on this computer. You will type this passphrase each time you open
          Concordat.
        </p>
        {status.hasPlainData ? (
          <Notice tone="info">
            Your existing records will be encrypted with this passphrase. The unencrypted copy is removed once the encrypted one
            has been checked.
          </Notice>
        ) : null}
        <Form
          className="form"
          aria-label="Choose a passphrase"
          validationBehavior="aria"
          onSubmit={(e) => {
            e.preventDefault();
            const p = passphraseProblem(passphrase, confirm);
            setProblem(p);
            if (!p) setUp.mutate({ passphrase, ...(status.canRemember ? { remember } : {}) });
          }}
        >
          <NewPassphraseFields
            passphrase={passphrase}
            confirm={confirm}
            onPassphrase={(v) => {
              setPassphrase(v);
              setProblem(null);
            }}
            onConfirm={(v) => {
              setConfirm(v);
              setProblem(null);
            }}
            autoFocus
          />
          <p className="warning">
            <strong>A forgotten passphrase cannot be recovered.</strong> Nobody, including the makers of Concordat, can open the
            records without it or the recovery key you will be given next.
          </p>
          {status.canRemember ? (
            <CheckboxField
              label="Remember on this computer"
              description="Opens without the passphrase when you are signed in to this computer. Leave it off on a shared computer."
              checked={remember}
              onChange={setRemember}
            />
          ) : null}
          {problem ? <Notice tone="error">{problem}</Notice> : null}
          {setUp.error ? (
            <Notice tone="error">
              {setUp.error instanceof ApiError ? setUp.error.message : 'Could not set the passphrase.'}
            </Notice>
          ) : null}
          <div className="form-actions">
            <Button type="submit" className="button primary" isDisabled={setUp.isPending}>
              {setUp.isPending ? 'Encrypting…' : 'Set passphrase'}
            </Button>
          </div>
        </Form>
        <p className="strength-text">At least {PASSPHRASE_MIN_LENGTH} characters. Spaces are allowed.</p>
      </div>
    </main>
  );
}

function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  return (
    <main className="store-screen">
      <div className="store-card">
        <span className="store-brand">Concordat</span>
        <h1>Save your recovery key</h1>
        <p>
          The recovery key opens Concordat if the passphrase is forgotten, or when someone else takes over as coordinator. This is
          the only time it is shown.
        </p>
        <RecoveryKeyPanel recoveryKey={recoveryKey} />
        <div className="no-print">
          <CheckboxField label="I have saved the recovery key somewhere safe" checked={saved} onChange={setSaved} />
        </div>
        <div className="form-actions no-print">
          <Button className="button primary" isDisabled={!saved} onPress={onDone}>
            Continue to Concordat
          </Button>
        </div>
      </div>
    </main>
  );
}
