import { Button } from 'react-aria-components';
import type { TableColumn } from './data-table';

/**
 * A RecordTable column of one button a row (Remove, Restore): the header names the column for
 * screen readers only, and each button's accessible name says which row it acts on.
 */
export function buttonColumn<T>({
  label,
  name,
  onPress,
  isDisabled = false,
  className = 'button small',
}: {
  /** The header and the button's words. */
  label: string;
  /** The button's accessible name for this row ("Remove Ann Lee from this meeting"). */
  name: (row: T) => string;
  onPress: (row: T) => void;
  isDisabled?: boolean;
  className?: string;
}): TableColumn<T> {
  return {
    key: label.toLowerCase(),
    label,
    hideLabel: true,
    render: (row) => (
      <Button className={className} aria-label={name(row)} isDisabled={isDisabled} onPress={() => onPress(row)}>
        {label}
      </Button>
    ),
  };
}
