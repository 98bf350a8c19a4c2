import type { FormEvent, ReactNode } from 'react';
import { Button, Form } from 'react-aria-components';

/**
 * A form named for screen readers by `label`, checked with the kit's messages rather than the
 * browser's bubbles, that never reloads the page when sent: `onSubmit` does the sending (a
 * react-hook-form `handleSubmit(...)` or a screen's own check).
 */
export function SubmitForm({
  label,
  onSubmit,
  className = 'form',
  children,
}: {
  label: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => unknown;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form
      className={className}
      aria-label={label}
      validationBehavior="aria"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(e);
      }}
    >
      {children}
    </Form>
  );
}

/** A form's send button: while the change is on its way it says so (`pendingLabel`) and cannot be pressed again. */
export function SubmitButton({
  pending,
  pendingLabel = 'Saving…',
  isDisabled = false,
  className = 'button primary',
  keyShortcuts,
  children,
}: {
  pending: boolean;
  pendingLabel?: ReactNode;
  isDisabled?: boolean;
  className?: string;
  /** The keys that also send the form, for screen readers ("Control+S"). */
  keyShortcuts?: string | undefined;
  children: ReactNode;
}) {
  return (
    <Button
      type="submit"
      className={className}
      isDisabled={pending || isDisabled}
      {...(keyShortcuts === undefined ? {} : { 'aria-keyshortcuts': keyShortcuts })}
    >
      {pending ? pendingLabel : children}
    </Button>
  );
}
