import { useCallback, useState } from 'react';
import type { SaveOutcome } from '../../../shared/files';
import { completeSave } from '../api/download';
import { errorText } from './errors';
import type { Message } from './notice';

/**
 * Run an export and turn its outcome into a message for the status line. `failure` replaces the
 * usual "Could not export …" where a screen words it its own way.
 */
export function useExport(setMessage: (m: Message) => void) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (what: string, job: () => Promise<SaveOutcome>, failure = `Could not export ${what}.`) => {
      setBusy(true);
      setMessage({ tone: 'info', text: `Preparing ${what}…` });
      try {
        setMessage({ tone: 'success', text: completeSave(await job()) });
      } catch (error) {
        setMessage({ tone: 'error', text: errorText(error, failure) });
      } finally {
        setBusy(false);
      }
    },
    [setMessage],
  );
  return { run, busy };
}
