import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { Button, Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import './dialog.css';

/**
 * The one modal dialog: centred over a dimmed app, focus held inside while it is open (React Aria's
 * focus scope) and returned to whatever opened it when it closes; Escape and a click outside close it.
 */
export function ModalDialog({
  title,
  isOpen,
  onClose,
  children,
  wide,
  isDismissable = true,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  isDismissable?: boolean;
}) {
  return (
    <ModalOverlay
      className="ui-modal-overlay"
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={!isDismissable}
    >
      <Modal className={`ui-modal${wide ? ' wide' : ''}`}>
        <Dialog className="ui-dialog">
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="ui-dialog-actions">{children}</div>;
}

/**
 * A dialog that is one form: its fields, then the submit button and Cancel. `onSubmit` is the kit
 * form's `form.handleSubmit(save)`, so the schema's messages explain what is wrong (see ui/form.tsx),
 * or a handler that calls `preventDefault` itself. While `isPending` or `isDisabled` it does not submit.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  isPending,
  isDisabled = false,
  isOpen = true,
  wide,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  /** While the save is under way, so a second press does not send it twice. */
  isPending: boolean;
  /** The submit button is off: there is nothing to submit yet (no template to start from). */
  isDisabled?: boolean;
  /** For a dialog kept mounted by its screen; one mounted only while open leaves it out. */
  isOpen?: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <ModalDialog title={title} isOpen={isOpen} onClose={onClose} wide={wide ?? false}>
      <Form
        className="form"
        validationBehavior="aria"
        onSubmit={(e) => {
          // Enter in a field submits too: it does nothing while the button is off.
          if (isPending || isDisabled) e.preventDefault();
          else onSubmit(e);
        }}
      >
        {children}
        <DialogActions>
          <Button type="submit" className="button primary" isDisabled={isPending || isDisabled}>
            {submitLabel}
          </Button>
          <Button className="button" onPress={onClose}>
            Cancel
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  );
}

/**
 * Ask before doing something that cannot be undone, saying what it affects. It starts on the safe
 * choice. Confirming closes it, unless the screen passes `isPending`: then it stays open while the
 * work is under way (both buttons off, Escape and a click outside do nothing) and the screen closes it.
 */
export function ConfirmDialog({
  title,
  isOpen,
  onClose,
  onConfirm,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger,
  isPending,
  children,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  isPending?: boolean;
  children: ReactNode;
}) {
  const busy = isPending === true;
  return (
    <ModalDialog title={title} isOpen={isOpen} onClose={() => (busy ? undefined : onClose())} isDismissable={!busy}>
      <div>{children}</div>
      <DialogActions>
        <Button
          className={`button ${danger ? 'danger' : 'primary'}`}
          isDisabled={busy}
          onPress={() => {
            onConfirm();
            if (isPending === undefined) onClose();
          }}
        >
          {confirmLabel}
        </Button>
        <Button className="button" onPress={onClose} isDisabled={busy} autoFocus>
          {cancelLabel}
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}

/** A button that opens a confirmation dialog before it acts. */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  question,
  details,
  className = 'button danger',
}: {
  label: string;
  confirmLabel: string;
  question: string;
  details?: ReactNode;
  onConfirm: () => void;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button className={className} onPress={() => setAsking(true)}>
        {label}
      </Button>
      <ConfirmDialog
        title={question}
        isOpen={asking}
        onClose={() => setAsking(false)}
        onConfirm={onConfirm}
        confirmLabel={confirmLabel}
        cancelLabel="Keep it"
        danger
      >
        {details ?? null}
      </ConfirmDialog>
    </>
  );
}
