import type { ReactNode } from 'react';
import { FieldError, Input, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';

type TextProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: ReactNode;
  error?: string | undefined;
  isRequired?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url' | 'search' | 'date' | 'number' | 'password';
  autoComplete?: string;
  autoFocus?: boolean;
  maxLength?: number;
  name?: string;
  placeholder?: string;
};

/** A labelled text input with help text and an error message tied to it for screen readers. */
export function TextInput({
  label,
  value,
  onChange,
  description,
  error,
  isRequired,
  type = 'text',
  autoFocus,
  maxLength,
  name,
  placeholder,
  autoComplete,
}: TextProps) {
  return (
    <TextField
      className="field"
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={Boolean(error)}
      type={type}
      autoFocus={autoFocus}
      maxLength={maxLength}
      name={name}
      autoComplete={autoComplete}
    >
      <Label>
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      <Input placeholder={placeholder} />
      {description ? <Text slot="description">{description}</Text> : null}
      <FieldError>{error}</FieldError>
    </TextField>
  );
}

export function LongTextInput({
  label,
  value,
  onChange,
  description,
  error,
  isRequired,
  name,
  rows = 4,
}: Omit<TextProps, 'type'> & { rows?: number }) {
  return (
    <TextField className="field" value={value} onChange={onChange} isRequired={isRequired} isInvalid={Boolean(error)} name={name}>
      <Label>
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      <TextArea rows={rows} />
      {description ? <Text slot="description">{description}</Text> : null}
      <FieldError>{error}</FieldError>
    </TextField>
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
    <label className="checkbox-field">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        {description ? <span className="checkbox-help">{description}</span> : null}
      </span>
    </label>
  );
}
