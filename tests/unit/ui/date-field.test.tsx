import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DateField, dateProblem } from '../../../renderer/src/ui/date-field';

function Harness({
  initial = '',
  isRequired,
  onChange,
}: {
  initial?: string;
  isRequired?: boolean;
  onChange?: (iso: string) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField
        label="Due date"
        value={value}
        isRequired={isRequired}
        onChange={(iso) => {
          onChange?.(iso);
          setValue(iso);
        }}
      />
      <output aria-label="Value">{value}</output>
      <button type="button">Elsewhere</button>
    </>
  );
}

/** Empty every segment with Backspace, clicking each in turn, as a person (and tests/e2e/fixtures.ts clearDate) does. */
async function clearSegmentBySegment(user: ReturnType<typeof userEvent.setup>) {
  for (let i = 0; i < 3; i++) {
    await user.click(screen.getAllByRole('spinbutton')[i]!);
    for (let k = 0; k < 4; k++) await user.keyboard('{Backspace}');
  }
}

const WHOLE = 'Enter a whole date: day, month and year.';

describe('DateField', () => {
  it('shows day, month, year in UK order whatever the browser language', () => {
    render(<Harness initial="2026-07-01" />);
    const segments = screen.getAllByRole('spinbutton');
    expect(segments.map((s) => s.getAttribute('aria-label'))).toEqual(['day, ', 'month, ', 'year, ']);
    expect(segments.map((s) => s.textContent)).toEqual(['01', '07', '2026']);
  });

  it('typing the digits fills the date, as an ISO value', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getAllByRole('spinbutton')[0]!);
    await user.keyboard('31012027');
    expect(screen.getByLabelText('Value').textContent).toBe('2027-01-31');
  });

  it('explains a year outside the range in words, with no talk of clocks', () => {
    expect(dateProblem('0099-01-01')).toBe('Enter a year between 1990 and 2100.');
    expect(dateProblem('1900-05-01')).toBe('Enter a year between 1990 and 2100.');
    expect(dateProblem('2300-05-01')).toBe('Enter a year between 1990 and 2100.');
    expect(dateProblem('2026-03-29')).toBeNull();
    expect(dateProblem('', true)).toBe('Enter a date.');
  });

  it('cleared segment by segment, an optional date is empty and valid: onChange gets an empty string, no message', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="2026-07-01" onChange={onChange} />);
    await clearSegmentBySegment(user);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(onChange).toHaveBeenLastCalledWith('');
    expect(screen.getByLabelText('Value').textContent).toBe('');
    expect(screen.getAllByRole('spinbutton').every((s) => s.hasAttribute('data-placeholder'))).toBe(true);
    expect(screen.queryByText(WHOLE)).toBeNull();
    expect(screen.queryByText('Enter a date.')).toBeNull();
    expect(screen.getByRole('group', { name: 'Due date' }).hasAttribute('data-invalid')).toBe(false);
  });

  it('cleared, a required date asks for a date once the person leaves it', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2026-07-01" isRequired />);
    await clearSegmentBySegment(user);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.getByText('Enter a date.')).toBeTruthy();
    expect(screen.queryByText(WHOLE)).toBeNull();
  });

  it('a part-typed date asks for the whole date when the person leaves it, and a whole date clears the message', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getAllByRole('spinbutton')[0]!);
    await user.keyboard('3101');
    expect(screen.queryByText(WHOLE)).toBeNull(); // not while still typing
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.getByText(WHOLE)).toBeTruthy();
    expect(screen.getByLabelText('Value').textContent).toBe('');

    await user.click(screen.getAllByRole('spinbutton')[2]!);
    await user.keyboard('2027');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.getByLabelText('Value').textContent).toBe('2027-01-31');
    expect(screen.queryByText(WHOLE)).toBeNull();
  });

  it('part-clearing a whole date asks for the whole date; clearing the rest takes the message away', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2026-07-01" />);
    await user.click(screen.getAllByRole('spinbutton')[0]!);
    for (let k = 0; k < 4; k++) await user.keyboard('{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.getByText(WHOLE)).toBeTruthy();
    await clearSegmentBySegment(user);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByText(WHOLE)).toBeNull();
    expect(screen.getByLabelText('Value').textContent).toBe('');
  });
});
