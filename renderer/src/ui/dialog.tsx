import type { ReactNode } from 'react';
import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
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
