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
 * form's `form.handleSubmit(save)`, so the schema's messages explain what is wrong (see ui/form.tsx).
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  submitLabel,
  isPending,
  wide,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  /** While the save is under way, so a second press does not send it twice. */
  isPending: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <ModalDialog title={title} isOpen onClose={onClose} wide={wide ?? false}>
      <Form className="form" validationBehavior="aria" onSubmit={onSubmit}>
        {children}
        <DialogActions>
          <Button type="submit" className="button primary" isDisabled={isPending}>
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

/** Ask before doing something that cannot be undone, saying what it affects. */
export function ConfirmDialog({
  title,
  isOpen,
  onClose,
  onConfirm,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger,
  children,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <ModalDialog title={title} isOpen={isOpen} onClose={onClose}>
      <div>{children}</div>
      <DialogActions>
        <Button
          className={`button ${danger ? 'danger' : 'primary'}`}
          onPress={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirmLabel}
        </Button>
        <Button className="button" onPress={onClose} autoFocus>
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
