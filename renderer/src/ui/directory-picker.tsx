import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useRef, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import './directory-picker.css';

export type PickerItem = { id: number; name: string; detail: string };
export type PickerSource = {
  /** What a result is, for the placeholder, the open button and the empty message. */
  noun: 'people' | 'organisations' | 'contacts';
  /** A stable query-key prefix for this source, from an area's key factory. */
  key: readonly unknown[];
  search: (query: string) => Promise<PickerItem[]>;
};

const EMPTY: Record<PickerSource['noun'], string> = {
  people: 'No one matches. Add people in Partners.',
  organisations: 'No organisation matches. Add it in Partners.',
  contacts: 'No contact matches. Add a person with a post in Partners.',
};

/**
 * The one directory picker, for people, contacts and organisations: a React Aria combobox, so the
 * arrow keys move through the results, Enter picks one and focus stays in the box (it never falls
 * to the page). With `clearOnPick` it is an "add another" box that empties after each choice.
 */
export function DirectoryPicker({
  label,
  source,
  value,
  onPick,
  exclude = [],
  description,
  clearOnPick = false,
  isDisabled,
  hideLabel,
  placeholder,
}: {
  label: string;
  source: PickerSource;
  value?: { id: number; name: string } | null;
  onPick: (item: PickerItem | null) => void;
  exclude?: readonly number[];
  description?: string;
  clearOnPick?: boolean;
  isDisabled?: boolean;
  /** When a visible heading above already names the field; the box keeps its full name for screen readers. */
  hideLabel?: boolean;
  placeholder?: string;
}) {
  const [input, setInput] = useState(value?.name ?? '');
  const [lastValue, setLastValue] = useState(value?.id ?? null);
  if (!clearOnPick && lastValue !== (value?.id ?? null)) {
    setLastValue(value?.id ?? null);
    setInput(value?.name ?? '');
  }
  const inputRef = useRef<HTMLInputElement>(null);
  const typed = !clearOnPick && input === value?.name ? '' : input;
  const query = useDeferredValue(typed);
  const results = useQuery({
    queryKey: [...source.key, 'pick', query],
    queryFn: () => source.search(query),
    placeholderData: (prev) => prev,
  });
  const items = (results.data ?? []).filter((i) => !exclude.includes(i.id));
  return (
    <ComboBox
      className="field picker"
      items={items}
      inputValue={input}
      onInputChange={(v) => {
        setInput(v);
        if (v === '' && !clearOnPick && value) onPick(null);
      }}
      selectedKey={clearOnPick ? null : (value?.id ?? null)}
      onSelectionChange={(key) => {
        if (key === null) return;
        const item = items.find((i) => i.id === key) ?? null;
        onPick(item);
        setInput(clearOnPick || !item ? '' : item.name);
        // Keep the caret where the person was: the list below may re-render without this option.
        requestAnimationFrame(() => inputRef.current?.focus());
      }}
      menuTrigger="focus"
      allowsEmptyCollection
      isDisabled={isDisabled}
    >
      <Label className={hideLabel ? 'visually-hidden' : undefined}>{label}</Label>
      <div className="picker-row">
        <Input
          ref={inputRef}
          placeholder={placeholder ?? (source.noun === 'organisations' ? 'Type an organisation' : 'Type a name')}
        />
        <Button className="picker-button" aria-label={`Show ${source.noun}`}>
          ▾
        </Button>
      </div>
      {description ? <Text slot="description">{description}</Text> : null}
      <Popover className="picker-popover">
        <ListBox
          renderEmptyState={() => <div className="picker-empty">{results.isLoading ? 'Searching…' : EMPTY[source.noun]}</div>}
        >
          {(item: PickerItem) => (
            <ListBoxItem id={item.id} textValue={item.name} className="picker-option">
              <span>{item.name}</span>
              {item.detail ? <span className="picker-detail">{item.detail}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
