import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TextInput } from '../../../renderer/src/ui/fields';
import { SubmitButton, SubmitForm } from '../../../renderer/src/ui/submit';

function Screen({ pending, onSend }: { pending: boolean; onSend: (e: { defaultPrevented: boolean }) => void }) {
  return (
    <SubmitForm label="Unlock Concordat" onSubmit={onSend}>
      <TextInput label="Passphrase" value="" onChange={() => undefined} />
      <SubmitButton pending={pending} pendingLabel="Unlocking…">
        Unlock
      </SubmitButton>
    </SubmitForm>
  );
}

describe('SubmitForm and SubmitButton', () => {
  it('is a form named by its label that sends on Enter or the button, without the page reloading', async () => {
    const onSend = vi.fn();
    render(<Screen pending={false} onSend={onSend} />);
    const form = screen.getByRole('form', { name: 'Unlock Concordat' });
    expect(form).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Passphrase' }), '{Enter}');
    expect(onSend).toHaveBeenCalledTimes(2);
    // The browser's own sending (a page reload) was stopped before the screen's ran.
    expect(onSend.mock.calls.every(([e]) => (e as { defaultPrevented: boolean }).defaultPrevented)).toBe(true);
  });

  it('says the change is on its way and cannot be pressed again while it is', async () => {
    const onSend = vi.fn();
    render(<Screen pending onSend={onSend} />);
    expect(screen.queryByRole('button', { name: 'Unlock' })).toBeNull();
    const button = screen.getByRole('button', { name: 'Unlocking…' });
    expect(button.hasAttribute('disabled')).toBe(true);
    await userEvent.click(button);
    expect(onSend).not.toHaveBeenCalled();
  });
});
