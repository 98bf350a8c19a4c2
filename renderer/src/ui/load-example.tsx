import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ExampleLoadResult } from '../../../shared/examples/example-partnership';
import { DialogActions, ModalDialog } from './dialog';
import { errorText } from './errors';
import { useLoadExample } from './mutations';
import { Notice } from './notice';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function summary(r: ExampleLoadResult): string {
  const added = `Added ${plural(r.organisationsAdded, 'organisation', 'organisations')} and ${plural(r.peopleAdded, 'person', 'people')}.`;
  const skipped = r.organisationsSkipped + r.peopleSkipped;
  return skipped > 0
    ? `${added} ${skipped} already in your directory ${skipped === 1 ? 'was' : 'were'} left as they were.`
    : added;
}

/**
 * "Load example partnership": adds the invented Northshire partnership to the directory after a
 * confirmation, then refreshes every list so the new records show.
 */
export function LoadExampleButton({ className = 'button', onLoaded }: { className?: string; onLoaded?: () => void }) {
  const [open, setOpen] = useState(false);
  const load = useLoadExample({ onSuccess: () => setOpen(false), onRefreshed: () => onLoaded?.() });
  return (
    <>
      <Button className={className} onPress={() => setOpen(true)}>
        Load example partnership
      </Button>
      {load.isSuccess ? <Notice tone="success">{summary(load.data)}</Notice> : null}
      <ModalDialog title="Load the example partnership?" isOpen={open} onClose={() => setOpen(false)}>
        <p>
          This adds the Northshire Anti-Slavery Partnership: 7 organisations and 11 people you can use to try Concordat. Every
          name, email address and phone number in it is invented.
        </p>
        <p>
          If you have not named your partnership yet, Settings take the example’s name and coordinator. Nothing you have entered
          is changed, and you can archive or erase the example records later, like any other record.
        </p>
        {load.isError ? (
          <Notice tone="error">{errorText(load.error, 'The example partnership could not be loaded.')}</Notice>
        ) : null}
        <DialogActions>
          <Button className="button primary" isDisabled={load.isPending} onPress={() => load.mutate()}>
            {load.isPending ? 'Loading…' : 'Load the example'}
          </Button>
          <Button className="button" onPress={() => setOpen(false)}>
            Cancel
          </Button>
        </DialogActions>
      </ModalDialog>
    </>
  );
}
