import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ExampleLoadResult } from '../../../shared/examples/example-partnership';
import { ApiError, call } from '../api/client';
import { Notice } from './notice';
import './load-example.css';

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
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const load = useMutation({
    mutationFn: () => call('examples.loadPartnership', {}),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries();
      onLoaded?.();
    },
  });
  return (
    <>
      <Button className={className} onPress={() => setOpen(true)}>
        Load example partnership
      </Button>
      {load.isSuccess ? <Notice tone="success">{summary(load.data)}</Notice> : null}
      <ModalOverlay className="example-overlay" isOpen={open} onOpenChange={setOpen} isDismissable>
        <Modal className="example-modal">
          <Dialog className="example-dialog">
            <Heading slot="title">Load the example partnership?</Heading>
            <p>
              This adds the Northshire Anti-Slavery Partnership: 7 organisations and 11 people you can use to try Concordat. Every
              name, email address and phone number in it is invented.
            </p>
            <p>
              If you have not named your partnership yet, Settings take the example’s name and coordinator. Nothing you have
              entered is changed, and you can archive or erase the example records later, like any other record.
            </p>
            {load.isError ? (
              <Notice tone="error">
                {load.error instanceof ApiError ? load.error.message : 'The example partnership could not be loaded.'}
              </Notice>
            ) : null}
            <div className="example-actions">
              <Button className="button primary" isDisabled={load.isPending} onPress={() => load.mutate()}>
                {load.isPending ? 'Loading…' : 'Load the example'}
              </Button>
              <Button className="button" onPress={() => setOpen(false)}>
                Cancel
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
