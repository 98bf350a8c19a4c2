import fs from 'node:fs';
import path from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog, FormDialog, ModalDialog } from '../../../renderer/src/ui/dialog';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onPress={() => setOpen(true)}>New document</Button>
      <input aria-label="Outside" />
      <ModalDialog title="New document" isOpen={open} onClose={() => setOpen(false)}>
        <label>
          Title <input />
        </label>
        <Button onPress={() => setOpen(false)}>Create draft</Button>
      </ModalDialog>
    </>
  );
}

describe('ModalDialog', () => {
  it('is centred over the whole window by the one stylesheet, and no other stylesheet restyles it', () => {
    const css = fs.readFileSync(path.resolve('renderer/src/ui/dialog.css'), 'utf8');
    const overlay = /\.ui-modal-overlay[^{]*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    for (const rule of ['position: fixed', 'inset: 0', 'display: flex', 'align-items: center', 'justify-content: center']) {
      expect(overlay).toContain(rule);
    }
    // The bug was a second `.modal { position: fixed; inset: 0 }` in another area's CSS.
    const others = fs
      .readdirSync(path.resolve('renderer/src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.css') && !f.endsWith('dialog.css'));
    for (const f of others) {
      const text = fs.readFileSync(path.resolve('renderer/src', f), 'utf8');
      expect(text, f).not.toMatch(/\.(ui-)?modal(-overlay)?\s*[{,]/);
      expect(text, f).not.toMatch(/\.react-aria-ModalOverlay/);
    }
  });

  it('renders the dialog inside the overlay, named by its title', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'New document' }));
    const dialog = screen.getByRole('dialog', { name: 'New document' });
    expect(dialog.closest('.ui-modal')?.parentElement?.classList.contains('ui-modal-overlay')).toBe(true);
  });

  it('keeps focus inside while open and returns it to the opener on Escape', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'New document' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'New document' });
    for (let i = 0; i < 5; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('a confirmation starts on the safe choice and acts only when confirmed', async () => {
    const user = userEvent.setup();
    let done = 0;
    function Confirm() {
      const [open, setOpen] = useState(true);
      return (
        <ConfirmDialog
          title="Archive Northshire Police?"
          isOpen={open}
          onClose={() => setOpen(false)}
          onConfirm={() => done++}
          confirmLabel="Archive"
          danger
        >
          It is a party to 1 agreed information sharing agreement.
        </ConfirmDialog>
      );
    }
    render(<Confirm />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(done).toBe(0);
    render(<Confirm />);
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    expect(done).toBe(1);
  });
});

describe('ConfirmDialog for work that takes a while', () => {
  function Restore({ onConfirm }: { onConfirm: () => void }) {
    const [open, setOpen] = useState(true);
    const [pending, setPending] = useState(false);
    return (
      <ConfirmDialog
        title="Restore the backup?"
        isOpen={open}
        onClose={() => setOpen(false)}
        onConfirm={() => {
          onConfirm();
          setPending(true);
        }}
        confirmLabel={pending ? 'Restoring…' : 'Restore'}
        isPending={pending}
      >
        Everything will be replaced.
      </ConfirmDialog>
    );
  }

  it('stays open while the work is under way, with both buttons off and Escape doing nothing', async () => {
    const user = userEvent.setup();
    let confirmed = 0;
    render(<Restore onConfirm={() => confirmed++} />);
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(confirmed).toBe(1);
    const dialog = screen.getByRole('dialog', { name: 'Restore the backup?' });
    for (const name of ['Restoring…', 'Cancel']) {
      const button = screen.getByRole('button', { name });
      expect(button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true').toBe(true);
    }
    await user.click(screen.getByRole('button', { name: 'Restoring…' }));
    expect(confirmed).toBe(1);
    await user.keyboard('{Escape}');
    expect(dialog.isConnected).toBe(true);
  });
});

describe('FormDialog', () => {
  function NewPlan({
    pending = false,
    disabled,
    onSave,
  }: {
    pending?: boolean;
    disabled?: (title: string) => boolean;
    onSave: (title: string) => void;
  }) {
    const [open, setOpen] = useState(true);
    const [title, setTitle] = useState('');
    if (!open) return <p>Closed</p>;
    return (
      <FormDialog
        title="New plan"
        onClose={() => setOpen(false)}
        onSubmit={(e) => {
          e.preventDefault();
          onSave(title);
        }}
        submitLabel="Create plan"
        isPending={pending}
        isDisabled={disabled?.(title) ?? false}
      >
        <label>
          Title <input value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
      </FormDialog>
    );
  }

  it('submits its form from the button or Enter, and Cancel closes it without saving', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    render(<NewPlan onSave={(t) => saved.push(t)} />);
    const dialog = screen.getByRole('dialog', { name: 'New plan' });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Strategy{Enter}');
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(saved).toEqual(['Strategy', 'Strategy']);
    expect(dialog.contains(screen.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByText('Closed')).toBeTruthy());
    expect(saved).toHaveLength(2);
  });

  it('cannot be submitted twice while a save is under way', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    render(<NewPlan pending onSave={(t) => saved.push(t)} />);
    const submit = screen.getByRole('button', { name: 'Create plan' });
    expect(submit.hasAttribute('disabled') || submit.getAttribute('aria-disabled') === 'true').toBe(true);
    await user.click(submit);
    expect(saved).toEqual([]);
  });

  it('cannot be submitted, by the button or Enter, while it is disabled, and can once it is not', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    render(<NewPlan disabled={(t) => t.trim() === ''} onSave={(t) => saved.push(t)} />);
    const submit = screen.getByRole('button', { name: 'Create plan' });
    expect(submit.hasAttribute('disabled') || submit.getAttribute('aria-disabled') === 'true').toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' {Enter}');
    await user.click(submit);
    expect(saved).toEqual([]);
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Strategy{Enter}');
    expect(saved).toEqual([' Strategy']);
  });

  it('does not submit on Enter while a save is under way', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    render(<NewPlan pending onSave={(t) => saved.push(t)} />);
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Strategy{Enter}');
    expect(saved).toEqual([]);
  });
});
