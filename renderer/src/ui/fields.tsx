import type { ReactNode, Ref } from 'react';
import { useId } from 'react';
import type { z } from 'zod';
import { FieldError, Input, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';

type TextProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | undefined;
  isRequired?: boolean;
  // No 'date': dates use the kit's DateField (UK order whatever the browser's language).
  type?: 'text' | 'email' | 'tel' | 'url' | 'search' | 'number' | 'password';
  autoComplete?: string;
  autoFocus?: boolean;
  maxLength?: number;
  name?: string;
  placeholder?: string;
  /** The on-screen keyboard to offer: 'numeric' for a year typed as text. */
  inputMode?: 'numeric';
};

/** The label, help text and error every text field has, around its input or text area. */
function TextBox({
  label,
  description,
  error,
  isRequired,
  children,
  ...field
}: Omit<TextProps, 'placeholder' | 'inputMode'> & { children: ReactNode }) {
  return (
    <TextField className="field" isRequired={isRequired} isInvalid={Boolean(error)} {...field}>
      <Label>
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {children}
      {description ? <Text slot="description">{description}</Text> : null}
      <FieldError>{error}</FieldError>
    </TextField>
  );
}

/** A labelled text input with help text and an error message tied to it for screen readers. */
export function TextInput({ type = 'text', placeholder, inputMode, ...rest }: TextProps) {
  return (
    <TextBox {...rest} type={type}>
      <Input placeholder={placeholder} inputMode={inputMode} />
    </TextBox>
  );
}

/** The same for a few lines of text. */
export function LongTextInput({ rows = 4, ...rest }: Omit<TextProps, 'type' | 'inputMode' | 'placeholder'> & { rows?: number }) {
  return (
    <TextBox {...rest}>
      <TextArea rows={rows} />
    </TextBox>
  );
}

export function RadioChoice<T extends string>({
  label,
  value,
  options,
  onChange,
  description,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string; description?: string }[];
  onChange: (value: T) => void;
  description?: ReactNode;
}) {
  return (
    <RadioGroup className="field radio-group" value={value} onChange={(v) => onChange(v as T)}>
      <Label>{label}</Label>
      {description ? <Text slot="description">{description}</Text> : null}
      {options.map((o) => (
        <Radio key={o.value} value={o.value}>
          <span className="radio-label">{o.label}</span>
          {o.description ? <span className="radio-help">{o.description}</span> : null}
        </Radio>
      ))}
    </RadioGroup>
  );
}

type Option<T extends string> = { value: T; label: string };
type OptionGroup<T extends string> = { label: string; options: readonly Option<T>[] };

/**
 * A native select and its options; `groups` follow the plain `options` under their headings, so a
 * long list stays easy to scan. On its own (a table cell, where the column heading says what it
 * is) give it an `aria-label`; with a visible label use SelectField.
 */
export function NativeSelect<T extends string>({
  value,
  options,
  groups = [],
  onChange,
  ...rest
}: {
  value: T;
  options: readonly Option<T>[];
  groups?: readonly OptionGroup<T>[];
  onChange: (value: T) => void;
  id?: string;
  disabled?: boolean;
  'aria-label'?: string;
  'aria-describedby'?: string | undefined;
}) {
  const optionList = (list: readonly Option<T>[]) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {optionList(options)}
      {groups
        .filter((g) => g.options.length > 0)
        .map((g) => (
          <optgroup key={g.label} label={g.label}>
            {optionList(g.options)}
          </optgroup>
        ))}
    </select>
  );
}

/** A labelled native select: fast with long option lists and read well by screen readers. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  groups = [],
  onChange,
  description,
  className = 'field',
}: {
  label: string;
  value: T;
  options: readonly Option<T>[];
  groups?: readonly OptionGroup<T>[];
  onChange: (value: T) => void;
  description?: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <NativeSelect
        id={id}
        value={value}
        options={options}
        groups={groups}
        onChange={onChange}
        aria-describedby={description ? `${id}-d` : undefined}
      />
      {description ? (
        <span id={`${id}-d`} className="field-description">
          {description}
        </span>
      ) : null}
    </div>
  );
}

/** A native checkbox inside its label: the whole text is the click target and the accessible name. */
export function CheckboxField({
  label,
  checked,
  onChange,
  description,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
}) {
  return (
    <label className={description ? 'checkbox-field' : 'checkbox'}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {description ? <span className="checkbox-help">{description}</span> : null}
      </span>
    </label>
  );
}

/** A set of checkboxes for a list of values: each ticked option's value is in the list, in ticking order. */
export function CheckboxGroup<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: readonly T[];
  options: readonly Option<T>[];
  onChange: (value: T[]) => void;
}) {
  return (
    <fieldset className="checks">
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A labelled search box. `inputRef` lets the screen's Ctrl+F put the cursor in it, and `shortcut`
 * tells screen readers so (aria-keyshortcuts).
 */
export function SearchField({
  label,
  value,
  onChange,
  inputRef,
  shortcut,
  placeholder,
  className = 'field',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  shortcut?: string;
  placeholder?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        className="search-input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-keyshortcuts={shortcut}
        placeholder={placeholder}
      />
    </div>
  );
}

/** A labelled native input (time, text, number) with its error tied to it for screen readers. */
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
  type?: 'text' | 'time' | 'url' | 'number';
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

/** The first message for each top-level field of a failed zod parse. */
export function fieldErrors<S extends z.ZodType>(schema: S, value: unknown): Record<string, string> | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return null;
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return errors;
}
