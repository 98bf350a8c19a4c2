import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useCallback, useId, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import type { SaveOutcome } from '../../../shared/files';
import { ApiError, call } from '../api/client';
import { completeSave } from '../api/download';

/** Every meetings query key starts with 'meetings', so one invalidation refreshes the area and its badge. */
export function useRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: ['meetings'] }), [client]);
}

export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

export type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;

/** Run an export and turn its outcome into a message for the status line. */
export function useExport(setMessage: (m: Message) => void) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (what: string, job: () => Promise<SaveOutcome>) => {
      setBusy(true);
      setMessage({ tone: 'info', text: `Preparing ${what}…` });
      try {
        setMessage({ tone: 'success', text: completeSave(await job()) });
      } catch (error) {
        setMessage({ tone: 'error', text: errorText(error, `Could not export ${what}.`) });
      } finally {
        setBusy(false);
      }
    },
    [setMessage],
  );
  return { run, busy };
}

/** A labelled native input (date, time, text) with its error tied to it for screen readers. */
export function NativeField({
  label,
  type = 'text',
  value,
  onChange,
  error,
  required,
  description,
  onBlur,
}: {
  label: string;
  type?: 'text' | 'date' | 'time' | 'url' | 'number';
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  required?: boolean;
  description?: ReactNode;
  onBlur?: () => void;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', description ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {description ? (
        <span id={`${id}-help`} className="field-help">
          {description}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  className = 'field',
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type Picked = { id: number; name: string } | null;
/** A person comes with their current organisation, so a form can fill it in. */
type PickerItem = { id: number; name: string; detail: string; organisation: Picked };

/** Choose a person or an organisation from the partner directory by typing part of the name. */
export function DirectoryPicker({
  kind,
  label,
  value,
  onChange,
  description,
}: {
  kind: 'person' | 'organisation';
  label: string;
  value: Picked;
  onChange: (v: Picked, organisation?: Picked) => void;
  description?: string;
}) {
  const [input, setInput] = useState(value?.name ?? '');
  const [lastValue, setLastValue] = useState(value);
  if (lastValue?.id !== value?.id) {
    setLastValue(value);
    setInput(value?.name ?? '');
  }
  const query = input === value?.name ? '' : input;
  const options = useQuery({
    queryKey: ['meetings', 'directory', kind, query],
    queryFn: async (): Promise<PickerItem[]> =>
      kind === 'person'
        ? (await call('directory.people.search', { query })).map((p) => ({
            id: p.id,
            name: p.name,
            detail: [p.jobTitle, p.organisationName].filter(Boolean).join(', '),
            organisation: p.organisationId ? { id: p.organisationId, name: p.organisationName } : null,
          }))
        : (await call('directory.organisations.search', { query })).map((o) => ({
            id: o.id,
            name: o.name,
            detail: `${o.currentPeople} ${o.currentPeople === 1 ? 'person' : 'people'}`,
            organisation: null,
          })),
  });
  const items = options.data ?? [];
  return (
    <ComboBox
      className="field picker"
      items={items}
      inputValue={input}
      onInputChange={(v) => {
        setInput(v);
        if (v === '') onChange(null);
      }}
      selectedKey={value?.id ?? null}
      onSelectionChange={(key) => {
        const item = items.find((i) => i.id === key);
        onChange(item ? { id: item.id, name: item.name } : null, item?.organisation ?? null);
        if (item) setInput(item.name);
      }}
      menuTrigger="focus"
      allowsEmptyCollection
    >
      <Label>{label}</Label>
      <div className="picker-row">
        <Input placeholder={kind === 'person' ? 'Type a name' : 'Type an organisation'} />
        <Button className="picker-button" aria-label={`Show ${kind === 'person' ? 'people' : 'organisations'}`}>
          ▾
        </Button>
      </div>
      {description ? <span className="field-help">{description}</span> : null}
      <Popover className="picker-popover">
        <ListBox
          renderEmptyState={() => (
            <div className="picker-empty">
              {kind === 'person' ? 'No one matches. Add people in Partners.' : 'No organisation matches. Add it in Partners.'}
            </div>
          )}
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

/** A button that asks again before it does something that cannot be undone. */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  question,
}: {
  label: string;
  confirmLabel: string;
  question: string;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button className="button danger" onPress={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <Button
        className="button danger"
        autoFocus
        onPress={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button className="button" onPress={() => setAsking(false)}>
        Keep it
      </Button>
    </span>
  );
}
