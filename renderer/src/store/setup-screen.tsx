import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { StoreStatus } from '../../../shared/store/status';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/store/status';
import { errorText } from '../ui/errors';
import { CheckboxField } from '../ui/fields';
import { Notice } from '../ui/notice';
import { SubmitForm } from '../ui/submit';
import { NewPassphraseFields, RememberField, passphraseProblem } from './passphrase-fields';
import { useSetUpStore } from './mutations';
import { RecoveryKeyPanel } from './recovery-key';
import { StoreCard } from './store-card';
import { FormActions } from '../ui/form';

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
  /** A change to either box takes away the message about the last try. */
  const typed = (set: (v: string) => void) => (v: string) => {
    set(v);
    setProblem(null);
  };

  if (setUp.data) return <RecoveryKeyStep recoveryKey={setUp.data.recoveryKey} onDone={() => onDone(setUp.data.status)} />;

  return (
    <StoreCard title="Choose a passphrase">
      <p>
        Concordat keeps the partnership’s records encrypted on this computer. You will type this passphrase each time you open
        Concordat.
      </p>
      {status.hasPlainData ? (
        <Notice tone="info">
          Your existing records will be encrypted with this passphrase. The unencrypted copy is removed once the encrypted one has
          been checked.
        </Notice>
      ) : null}
      <SubmitForm
        label="Choose a passphrase"
        onSubmit={() => {
          const p = passphraseProblem(passphrase, confirm);
          setProblem(p);
          if (!p) setUp.mutate({ passphrase, ...(status.canRemember ? { remember } : {}) });
        }}
      >
        <NewPassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          onPassphrase={typed(setPassphrase)}
          onConfirm={typed(setConfirm)}
          autoFocus
        />
        <p className="warning">
          <strong>A forgotten passphrase cannot be recovered.</strong> Nobody, including the makers of Concordat, can open the
          records without it or the recovery key you will be given next.
        </p>
        {status.canRemember ? <RememberField checked={remember} onChange={setRemember} /> : null}
        {problem ? <Notice tone="error">{problem}</Notice> : null}
        {setUp.error ? <Notice tone="error">{errorText(setUp.error, 'Could not set the passphrase.')}</Notice> : null}
        <FormActions submit="Set passphrase" busy={setUp.isPending} busyLabel="Encrypting…" />
      </SubmitForm>
      <p className="strength-text">At least {PASSPHRASE_MIN_LENGTH} characters. Spaces are allowed.</p>
    </StoreCard>
  );
}

function RecoveryKeyStep({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  return (
    <StoreCard title="Save your recovery key">
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
    </StoreCard>
  );
}
