import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { RecordTable, buttonColumn } from '../../../renderer/src/ui/data-table';
import { CheckboxGroup, SearchField, SelectField } from '../../../renderer/src/ui/fields';
import { ActionButtons } from '../../../renderer/src/ui/page';

const isOff = (el: HTMLElement) => el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';

describe('buttonColumn', () => {
  it('gives each row a button named for that row under a header screen readers still hear', async () => {
    const pressed: string[] = [];
    const user = userEvent.setup();
    render(
      <RecordTable
        label="Backups"
        rows={[{ name: 'monday' }, { name: 'tuesday' }]}
        rowKey={(r) => r.name}
        columns={[
          { key: 'name', label: 'Name', render: (r) => r.name },
          buttonColumn<{ name: string }>({
            text: 'Restore',
            name: (r) => `Restore ${r.name}`,
            onPress: (r) => pressed.push(r.name),
          }),
        ]}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Restore tuesday' }));
    expect(pressed).toEqual(['tuesday']);
    expect(within(screen.getByRole('button', { name: 'Restore monday' })).getByText('Restore')).toBeTruthy();
  });
});

describe('ActionButtons', () => {
  it('marks the main button and keeps an off one from acting', async () => {
    const pressed: string[] = [];
    const user = userEvent.setup();
    render(
      <ActionButtons
        actions={[
          { label: 'Check these links', onPress: () => pressed.push('check'), isDisabled: true },
          { label: 'Add a link', onPress: () => pressed.push('link'), primary: true },
        ]}
      />,
    );
    const check = screen.getByRole('button', { name: 'Check these links' });
    expect(isOff(check)).toBe(true);
    await user.click(check);
    const add = screen.getByRole('button', { name: 'Add a link' });
    expect(add.className).toContain('primary');
    await user.click(add);
    expect(pressed).toEqual(['link']);
  });
});

describe('SearchField', () => {
  it('is a search box named by its label that the screen can put the cursor in', async () => {
    const ref = createRef<HTMLInputElement>();
    const typed: string[] = [];
    const user = userEvent.setup();
    render(<SearchField label="Search titles" value="" onChange={(v) => typed.push(v)} inputRef={ref} shortcut="Control+F" />);
    const box = screen.getByRole('searchbox', { name: 'Search titles' });
    expect(box.getAttribute('aria-keyshortcuts')).toBe('Control+F');
    ref.current?.focus();
    expect(document.activeElement).toBe(box);
    await user.keyboard('a');
    expect(typed).toEqual(['a']);
  });
});

describe('SelectField with groups', () => {
  it('puts the plain options first, then each group that has options under its heading', () => {
    render(
      <SelectField
        label="Template"
        value=""
        options={[{ value: '', label: 'Any template' }]}
        groups={[
          { label: 'Agreements', options: [{ value: 'isa', label: 'Information sharing agreement' }] },
          { label: 'Empty', options: [] },
        ]}
        onChange={() => undefined}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Template' });
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Agreements']);
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Any template',
      'Information sharing agreement',
    ]);
  });
});

describe('CheckboxGroup', () => {
  it('adds a ticked option to the list and takes an unticked one out', async () => {
    const changes: string[][] = [];
    const user = userEvent.setup();
    const options = [
      { value: 'labour', label: 'Labour exploitation' },
      { value: 'county-lines', label: 'County lines' },
    ];
    const { rerender } = render(
      <CheckboxGroup label="Topics" value={['labour']} options={options} onChange={(v) => changes.push(v)} />,
    );
    expect(screen.getByRole('group', { name: 'Topics' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'County lines' }));
    rerender(
      <CheckboxGroup label="Topics" value={['labour', 'county-lines']} options={options} onChange={(v) => changes.push(v)} />,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Labour exploitation' }));
    expect(changes).toEqual([['labour', 'county-lines'], ['county-lines']]);
  });
});
