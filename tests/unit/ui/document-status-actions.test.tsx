import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StaleFinding } from '../../../shared/documents/stale-references';
import { AgreeDialog, StatusActions } from '../../../renderer/src/documents/status-actions';

const finding: StaleFinding = {
  ruleId: 'dpa-1998',
  found: 'Data Protection Act 1998',
  index: 0,
  message: 'The Data Protection Act 1998 was replaced in 2018.',
  suggestion: 'UK GDPR and the Data Protection Act 2018',
  severity: 'outdated',
  where: 'Purpose',
};

describe('the document status buttons', () => {
  it('sends a draft for review at once, but asks before withdrawing it', async () => {
    const user = userEvent.setup();
    const onMove = vi.fn();
    render(<StatusActions status="draft" isPending={false} onMove={onMove} onAgree={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Send for review' }));
    expect(onMove).toHaveBeenLastCalledWith('in_review');
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    const dialog = await screen.findByRole('dialog', { name: 'Withdraw' });
    expect(dialog.textContent).toContain('A withdrawn document cannot be edited or agreed again.');
    expect(onMove).toHaveBeenCalledTimes(1);
    await user.click(screen.getAllByRole('button', { name: 'Withdraw' }).at(-1)!);
    expect(onMove).toHaveBeenLastCalledWith('withdrawn');
  });

  it('opens the agree dialog from Agree… rather than agreeing', async () => {
    const user = userEvent.setup();
    const onMove = vi.fn();
    const onAgree = vi.fn();
    render(<StatusActions status="in_review" isPending={false} onMove={onMove} onAgree={onAgree} />);
    await user.click(screen.getByRole('button', { name: 'Agree…' }));
    expect(onAgree).toHaveBeenCalledTimes(1);
    expect(onMove).not.toHaveBeenCalled();
  });
});

describe('the agree dialog', () => {
  it('agrees only once the out-of-date references are acknowledged, with who agreed and the note', async () => {
    const user = userEvent.setup();
    const onAgree = vi.fn();
    render(
      <AgreeDialog
        isOpen
        onClose={() => undefined}
        versionLabel="0.3"
        missing={[]}
        stale={[finding]}
        agreedByPlaceholder="Sam Coordinator"
        isPending={false}
        onAgree={onAgree}
      />,
    );
    expect(screen.getByRole('dialog', { name: 'Agree this document' }).textContent).toContain('Agreeing freezes version 1.0');
    const agree = screen.getByRole('button', { name: 'Agree version' });
    expect((agree as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /I have checked these/ }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Agreed at the board');
    await user.click(agree);
    expect(onAgree).toHaveBeenCalledWith({ note: 'Agreed at the board', agreedBy: undefined, acknowledgeStale: true });
  });

  it('says what is still missing and does not agree', () => {
    render(
      <AgreeDialog
        isOpen
        onClose={() => undefined}
        versionLabel="1.1"
        missing={['Purpose', 'Parties']}
        stale={[]}
        agreedByPlaceholder="The coordinator"
        isPending={false}
        onAgree={() => undefined}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('not yet given: Purpose, Parties.');
    expect((screen.getByRole('button', { name: 'Agree version' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
