import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
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

const fold = (s: string) => s.toLocaleLowerCase('en-GB');
/** An earlier result that still fits what is typed now (the list shown while the new search runs). */
const stillMatches = (item: PickerItem, query: string) =>
  query.trim() === '' || fold(`${item.name} ${item.detail}`).includes(fold(query.trim()));

/** How much of the list (its CSS max-height is 300px) must fit below the box for it to open downwards. */
const ROOM_BELOW = 240;
type Placement = 'bottom start' | 'top start';

/**
 * Below the box, unless the box sits so near the bottom of the window that the list would have no
 * room there and there is more above. Decided once as the list opens, never while it is open, so
 * the list does not jump from one side to the other as the results change.
 */
function placementFor(field: HTMLElement | null): Placement {
  if (!field) return 'bottom start';
  const box = field.getBoundingClientRect();
  const below = window.innerHeight - box.bottom;
  return below >= ROOM_BELOW || below >= box.top ? 'bottom start' : 'top start';
}

/** One option; a module-level function, so the collection's cached options survive a re-render. */
function renderOption(item: PickerItem) {
  return (
    <ListBoxItem id={item.id} textValue={item.name} className="picker-option">
      <span>{item.name}</span>
      {item.detail ? <span className="picker-detail">{item.detail}</span> : null}
    </ListBoxItem>
  );
}

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
  // React Aria opens the list whenever the text changes while the box has focus, and with both
  // the text and the choice controlled it leaves the text to us. So text put back by us rather than
  // typed (on Escape, or when the choice is cleared or changed from outside while the box has
  // focus) must not open it: while the box shows that text, the list opens only on request
  // ('manual': the arrow keys or the button), until the next thing typed or the box is left. Text
  // put back while the box is elsewhere needs no holding, and the list still opens on focus.
  const [hasFocus, setHasFocus] = useState(false);
  const [putBackText, setPutBackText] = useState<string | null>(null);
  const putBack = (text: string) => {
    if (text === input) return;
    setInput(text);
    setPutBackText(hasFocus ? text : null);
  };
  const [lastValue, setLastValue] = useState(value?.id ?? null);
  if (!clearOnPick && lastValue !== (value?.id ?? null)) {
    setLastValue(value?.id ?? null);
    putBack(value?.name ?? '');
  }
  const inputRef = useRef<HTMLInputElement>(null);
  const [placement, setPlacement] = useState<Placement>('bottom start');
  const typed = !clearOnPick && input === value?.name ? '' : input;
  const query = useDeferredValue(typed);
  // Why options once "never settled" (a click on one timed out in CI): while a new search ran, the
  // previous search's whole list stayed on screen, then was swapped for the new one, so the option
  // under the pointer moved or went; and the popover flipped above and below the box as its height
  // changed. Now the list shown meanwhile is only the earlier results that still match, results
  // are kept for a while (focus or a re-render does not search again), the list keeps its identity
  // for the same results, and the popover keeps to the side of the box chosen as it opened. (Always
  // below was not enough: a box at the foot of the window got a list 0px high, out of sight.)
  const results = useQuery({
    queryKey: [...source.key, 'pick', query],
    queryFn: () => source.search(query),
    placeholderData: (prev) => prev?.filter((i) => stillMatches(i, query)),
    staleTime: 30_000,
  });
  const excluded = exclude.join(',');
  const items = useMemo(() => {
    const out = new Set(excluded === '' ? [] : excluded.split(',').map(Number));
    return (results.data ?? []).filter((i) => !out.has(i.id));
  }, [results.data, excluded]);
  return (
    <ComboBox
      className="field picker"
      items={items}
      inputValue={input}
      onInputChange={(v) => {
        setInput(v);
        setPutBackText(null);
        if (v === '' && !clearOnPick && value) onPick(null);
      }}
      selectedKey={clearOnPick ? null : (value?.id ?? null)}
      onSelectionChange={(key) => {
        // React Aria also "commits" with no key whenever the list closes without a choice: on Escape
        // (handled below), on leaving the box, on Enter with nothing highlighted, and when the page
        // behind scrolls (it shuts the list so it is not left floating). None of those should lose
        // what was typed: a scroll just after typing, as a test's fill() makes, would wipe it.
        if (key === null) return;
        const item = items.find((i) => i.id === key) ?? null;
        onPick(item);
        setInput(clearOnPick || !item ? '' : item.name);
        // Keep the caret where the person was: the list below may re-render without this option.
        requestAnimationFrame(() => inputRef.current?.focus());
      }}
      onOpenChange={(isOpen) => {
        if (isOpen) setPlacement(placementFor(inputRef.current));
      }}
      menuTrigger={putBackText !== null && input === putBackText ? 'manual' : 'focus'}
      allowsEmptyCollection
      isDisabled={isDisabled}
    >
      <Label className={hideLabel ? 'visually-hidden' : undefined}>{label}</Label>
      <div className="picker-row">
        <Input
          ref={inputRef}
          onKeyDown={(e) => {
            // Escape has closed the list (React Aria's handler runs just before this one, in the same
            // update); put back the name chosen, or empty an "add another" box or one with nothing
            // chosen. Not in a capture handler: the browser lets React apply that update before
            // React Aria's handler runs, which then took the restored text for typing and reopened.
            if (e.key === 'Escape') putBack(clearOnPick ? '' : (value?.name ?? ''));
          }}
          onFocus={() => setHasFocus(true)}
          onBlur={() => {
            setHasFocus(false);
            setPutBackText(null);
          }}
          placeholder={placeholder ?? (source.noun === 'organisations' ? 'Type an organisation' : 'Type a name')}
        />
        <Button className="picker-button" aria-label={`Show ${source.noun}`}>
          ▾
        </Button>
      </div>
      {description ? <Text slot="description">{description}</Text> : null}
      <Popover className="picker-popover" placement={placement} shouldFlip={false}>
        <ListBox
          renderEmptyState={() => <div className="picker-empty">{results.isFetching ? 'Searching…' : EMPTY[source.noun]}</div>}
        >
          {renderOption}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
