import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form as AriaForm } from 'react-aria-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  FormActions,
  FormCheckbox,
  FormCheckboxGroup,
  FormDate,
  FormLongText,
  FormSelect,
  FormNative,
  FormText,
  useContractForm,
} from '../../../renderer/src/ui/form';
import { LeaveGuardHost } from '../../../renderer/src/ui/leave-guard';
import { navigate, stay } from '../../../renderer/src/ui/router';

afterEach(stay);

const schema = z.object({
  name: z.string().trim().min(1, 'Enter the organisation’s name.'),
  tier: z.enum(['core', 'associate']),
  active: z.boolean(),
  joined: z.string(),
});

function Form({ onSave }: { onSave: (v: z.output<typeof schema>) => void }) {
  const form = useContractForm(schema, { name: '', tier: 'core', active: true, joined: '' });
  return (
    <AriaForm aria-label="Test" validationBehavior="aria" onSubmit={form.handleSubmit(onSave)}>
      <FormText control={form.control} name="name" label="Organisation name" isRequired />
      <FormSelect
        control={form.control}
        name="tier"
        label="Membership"
        options={[
          { value: 'core', label: 'Core member' },
          { value: 'associate', label: 'Associate member' },
        ]}
      />
      <FormCheckbox control={form.control} name="active" label="Active" />
      <FormDate control={form.control} name="joined" label="Joined" />
      <button type="submit">Save</button>
      <LeaveGuardHost />
    </AriaForm>
  );
}

describe('kit form (react-hook-form with a zod schema)', () => {
  it('shows the schema’s message on submit and saves nothing', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Form onSave={onSave} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter the organisation’s name.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the parsed values (trimmed) from every bound field', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<Form onSave={onSave} />);
    await user.type(screen.getByRole('textbox', { name: /Organisation name/ }), '  Northshire Police  ');
    await user.selectOptions(screen.getByLabelText('Membership'), 'associate');
    await user.click(screen.getByRole('checkbox', { name: 'Active' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({ name: 'Northshire Police', tier: 'associate', active: false, joined: '' });
  });

  it('guards unsaved typing against leaving', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/settings';
    render(<Form onSave={() => undefined} />);
    await user.type(screen.getByRole('textbox', { name: /Organisation name/ }), 'x');
    navigate('/partners');
    expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toBeTruthy();
    expect(window.location.hash).toBe('#/settings');
  });
});

describe('kit form long text', () => {
  const notes = z.object({ notes: z.string().max(10, 'Keep the notes to 10 characters.') });

  function NotesForm({ onSave }: { onSave: (v: z.output<typeof notes>) => void }) {
    const form = useContractForm(notes, { notes: '' }, { guard: false });
    return (
      <AriaForm aria-label="Notes" validationBehavior="aria" onSubmit={form.handleSubmit(onSave)}>
        <FormLongText control={form.control} name="notes" label="Notes" />
        <button type="submit">Save</button>
      </AriaForm>
    );
  }

  it('binds its value and shows the schema’s message for it', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<NotesForm onSave={onSave} />);
    const box = screen.getByRole('textbox', { name: 'Notes' });
    await user.type(box, 'far too long for it');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Keep the notes to 10 characters.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
    await user.clear(box);
    await user.type(box, 'short');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({ notes: 'short' });
  });
});

describe('kit form checkbox group', () => {
  const ps = z.object({ fourPs: z.array(z.enum(['pursue', 'prevent', 'protect', 'prepare'])) });
  const options = [
    { value: 'pursue', label: 'Pursue' },
    { value: 'prevent', label: 'Prevent' },
    { value: 'protect', label: 'Protect' },
    { value: 'prepare', label: 'Prepare' },
  ] as const;

  function PsForm({ onSave }: { onSave: (v: z.output<typeof ps>) => void }) {
    const form = useContractForm(ps, { fourPs: ['prevent'] }, { guard: false });
    return (
      <AriaForm aria-label="Priority" validationBehavior="aria" onSubmit={form.handleSubmit(onSave)}>
        <FormCheckboxGroup control={form.control} name="fourPs" label="Which of the 4 Ps" options={options} />
        <button type="submit">Save</button>
      </AriaForm>
    );
  }

  it('shows the stored choices ticked and saves the list as ticked and unticked', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<PsForm onSave={onSave} />);
    const group = screen.getByRole('group', { name: 'Which of the 4 Ps' });
    expect(group).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Prevent' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Pursue' }) as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Protect' }));
    await user.click(screen.getByRole('checkbox', { name: 'Prevent' }));
    await user.click(screen.getByRole('checkbox', { name: 'Pursue' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toEqual({ fourPs: ['protect', 'pursue'] });
  });
});

describe('kit form actions and native field', () => {
  const times = z.object({ startTime: z.string().min(1, 'Enter a start time') });

  function TimeForm({ onSave, onCancel, busy }: { onSave: () => void; onCancel: () => void; busy: boolean }) {
    const form = useContractForm(times, { startTime: '' }, { guard: false });
    return (
      <AriaForm aria-label="Times" validationBehavior="aria" onSubmit={form.handleSubmit(onSave)}>
        <FormNative control={form.control} name="startTime" label="Start time" type="time" required />
        <FormActions submit="Save times" busy={busy} busyLabel="Saving…" onCancel={onCancel} cancelLabel="Close" />
      </AriaForm>
    );
  }

  it('shows a native field’s message once it is left, submits from the row and cancels from it', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    const onCancel = vi.fn();
    render(<TimeForm onSave={onSave} onCancel={onCancel} busy={false} />);
    await user.click(screen.getByLabelText(/Start time/));
    await user.tab();
    expect(await screen.findByText('Enter a start time')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save times' }));
    expect(onSave).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('disables the submit button and names it “Saving…” while a save is under way', () => {
    render(<TimeForm onSave={() => undefined} onCancel={() => undefined} busy />);
    const button = screen.getByRole('button', { name: 'Saving…' });
    expect(button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true').toBe(true);
  });
});
