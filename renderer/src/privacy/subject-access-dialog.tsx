import { useState } from 'react';
import { Button, Dialog, Heading, Modal } from 'react-aria-components';
import './privacy.css';
import { completeSave } from '../api/download';
import { Notice } from '../ui/notice';
import { CheckboxField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { useSubjectAccessExport } from './mutations';
import { DialogActions } from '../ui/dialog';

/**
 * Subject access: a Word report and a JSON file of everything held about the person. Optionally
 * logs the request, so its one-month due date shows in Settings → Privacy requests.
 */
export function SubjectAccessDialog({ person, onClose }: { person: { id: number; name: string }; onClose: () => void }) {
  const [redactOthers, setRedactOthers] = useState(true);
  const [logIt, setLogIt] = useState(true);
  const [done, setDone] = useState<string | null>(null);
  const run = useSubjectAccessExport(person, {
    onSuccess: (out) =>
      setDone([completeSave(out.report), out.data.status === 'canceled' ? '' : completeSave(out.data)].join(' ').trim()),
  });
  return (
    <Modal isOpen isDismissable onOpenChange={(o) => (o ? undefined : onClose())} className="ui-modal">
      <Dialog className="ui-dialog sar-dialog" aria-labelledby="sar-title">
        <Heading slot="title" id="sar-title">
          Subject access export for {person.name}
        </Heading>
        <p>
          Makes a Word report and a JSON file with everything Concordat holds about {person.name}: their directory record and
          posts, the documents, meetings, actions and decisions to share that name them, when each was made and changed, and the
          backups that may still hold them.
        </p>
        <CheckboxField label="Replace other people named alongside them" checked={redactOthers} onChange={setRedactOthers} />
        <CheckboxField label="Add this request to the privacy request log" checked={logIt} onChange={setLogIt} />
        {run.isError ? <Notice tone="error">{errorText(run.error, 'Could not make the export.')}</Notice> : null}
        {done ? <Notice tone="success">{done}</Notice> : null}
        <DialogActions>
          <Button className="button primary" isDisabled={run.isPending} onPress={() => run.mutate({ redactOthers, logIt })}>
            {run.isPending ? 'Exporting…' : 'Export report and data'}
          </Button>
          <Button className="button" onPress={onClose}>
            {done ? 'Close' : 'Cancel'}
          </Button>
        </DialogActions>
      </Dialog>
    </Modal>
  );
}
