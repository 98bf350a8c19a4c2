import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Notice } from '../ui/notice';

function recoveryText(key: string): string {
  return [
    'Concordat recovery key',
    '',
    `    ${key}`,
    '',
    `Made on ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.`,
    '',
    'This key opens the Concordat records on the computer where it was made if the passphrase is forgotten,',
    'or when someone else takes over as coordinator. Type it where Concordat asks for the passphrase.',
    'Keep it somewhere safe and away from the computer, for example in a locked drawer or your organisation’s',
    'password manager. Anyone who has this key and a copy of the data folder can read the records.',
    '',
  ].join('\n');
}

/** Print only the recovery key block, not the rest of the window. */
function printRecoveryKey(): void {
  document.body.classList.add('printing-recovery');
  const done = () => {
    document.body.classList.remove('printing-recovery');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** The recovery key in groups, with Save as text file and Print. Shown once by whoever made the key. */
export function RecoveryKeyPanel({ recoveryKey }: { recoveryKey: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const download = () => {
    const url = URL.createObjectURL(new Blob([recoveryText(recoveryKey)], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'concordat-recovery-key.txt';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage('Saved concordat-recovery-key.txt. Move it somewhere safe, away from this computer.');
  };
  return (
    <div className="recovery-print">
      <figure className="recovery-figure">
        <figcaption>Your recovery key</figcaption>
        <p className="recovery-key">{recoveryKey}</p>
      </figure>
      <p>
        Print it or save it, and keep it somewhere safe away from this computer, such as a locked drawer or a password manager.
      </p>
      <div className="form-actions no-print">
        <Button className="button" onPress={download}>
          Save as text file
        </Button>
        <Button className="button" onPress={printRecoveryKey}>
          Print
        </Button>
      </div>
      {message ? <Notice tone="success">{message}</Notice> : null}
    </div>
  );
}
