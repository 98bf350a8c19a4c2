import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateField, dateProblem } from '../../../renderer/src/ui/date-field';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateField label="Due date" value={value} onChange={setValue} />
      <output aria-label="Value">{value}</output>
    </>
  );
}

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
});
