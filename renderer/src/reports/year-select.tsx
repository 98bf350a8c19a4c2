import { SelectField } from '../ui/fields';

/** This year and the seven before: the years a report or a round of returns can be for. */
export const recentYears = (): string[] => Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() - i));

export function YearSelect({ value, onChange }: { value: string; onChange: (year: string) => void }) {
  return (
    <SelectField label="Year" value={value} options={recentYears().map((y) => ({ value: y, label: y }))} onChange={onChange} />
  );
}
