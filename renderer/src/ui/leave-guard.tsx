import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { ModalDialog, DialogActions } from './dialog';
import { addGuard, stay, useLeaveQuestion } from './router';

const DEFAULT_MESSAGE = 'You have changes that are not saved. Leave and lose them?';

/**
 * Every form calls this with whether it holds unsaved work. While it does, following a link, Back,
 * navigate(), reload and closing the window all ask first. A form that keeps its own draft across
 * navigation (partners' session drafts, the document editor's autosave) passes `inApp: false`, so
 * only reload and window close ask.
 */
export function useLeaveGuard(dirty: boolean, options: { message?: string; inApp?: boolean } = {}): void {
  const { message = DEFAULT_MESSAGE, inApp = true } = options;
  useEffect(() => {
    if (!dirty) return;
    return addGuard({ message, inApp });
  }, [dirty, message, inApp]);
}

/** The one "Leave without saving?" dialog, mounted once by the app. */
export function LeaveGuardHost() {
  const question = useLeaveQuestion();
  return (
    <ModalDialog title="Leave without saving?" isOpen={question !== null} onClose={stay}>
      <p>{question?.message}</p>
      <DialogActions>
        <Button className="button primary" onPress={stay} autoFocus>
          Stay and keep editing
        </Button>
        <Button className="button danger" onPress={() => question?.leave()}>
          Leave and lose changes
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
