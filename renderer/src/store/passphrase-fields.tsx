import { PASSPHRASE_MIN_LENGTH, passphraseStrength } from '../../../shared/store/status';
import { CheckboxField, TextInput } from '../ui/fields';

/** Why a new passphrase cannot be used yet, or null. */
export function passphraseProblem(passphrase: string, confirm: string): string | null {
  if (passphrase.length < PASSPHRASE_MIN_LENGTH) return `Use at least ${PASSPHRASE_MIN_LENGTH} characters for the passphrase.`;
  if (passphrase !== confirm) return 'The two passphrases are not the same. Type it again in both boxes.';
  return null;
}

/** The help under a new passphrase's first box. */
export const NEW_PASSPHRASE_HELP =
  'Three or four unrelated words are strong and easy to remember, for example: lantern orchid gravel tuesday.';

/** The strength hint under a new passphrase's first box, read out as it changes. */
export function PassphraseStrengthMeter({ passphrase }: { passphrase: string }) {
  const strength = passphraseStrength(passphrase);
  return (
    <div className="strength" aria-live="polite">
      {passphrase === '' ? null : (
        <>
          <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-label="Passphrase strength" />
          <span className="strength-text">
            Strength: <strong>{strength.label}</strong>. {strength.hint}
          </span>
        </>
      )}
    </div>
  );
}

/** A new passphrase typed twice, with a strength hint under the first box. */
export function NewPassphraseFields({
  passphrase,
  confirm,
  onPassphrase,
  onConfirm,
  label = 'Passphrase',
  autoFocus,
}: {
  passphrase: string;
  confirm: string;
  onPassphrase: (v: string) => void;
  onConfirm: (v: string) => void;
  label?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextInput
        label={label}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={onPassphrase}
        autoFocus={autoFocus}
        isRequired
        description={NEW_PASSPHRASE_HELP}
      />
      <PassphraseStrengthMeter passphrase={passphrase} />
      <TextInput
        label={`Type the ${label.toLowerCase()} again`}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={onConfirm}
        isRequired
      />
    </>
  );
}

/** Whether the store opens without the passphrase for this computer's signed-in user. */
export function RememberField({
  checked,
  onChange,
  sharedWarning = true,
}: {
  checked: boolean;
  onChange: (remember: boolean) => void;
  /** With the advice to leave it off on a shared computer (the unlock screen leaves that out). */
  sharedWarning?: boolean;
}) {
  return (
    <CheckboxField
      label="Remember on this computer"
      description={`Opens without the passphrase when you are signed in to this computer.${sharedWarning ? ' Leave it off on a shared computer.' : ''}`}
      checked={checked}
      onChange={onChange}
    />
  );
}
