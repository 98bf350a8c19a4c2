import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactElement, ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { Control, DefaultValues, FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { DateField } from './date-field';
import type { PickerItem, PickerSource } from './directory-picker';
import { DirectoryPicker } from './directory-picker';
import { CheckboxField, CheckboxGroup, LongTextInput, NativeField, SelectField, TextInput } from './fields';
import { useLeaveGuard } from './leave-guard';
import { SubmitButton } from './submit';

/**
 * The kit's form: react-hook-form validated by a zod schema (reuse the contract's, or a screen's
 * refinement of it), with the leave guard on while anything is unsaved. Errors show after a field is
 * left or the form is submitted, never while the coordinator is still typing the first time.
 * Put the fields in React Aria's `<Form validationBehavior="aria" onSubmit={form.handleSubmit(save)}>`
 * so the schema's messages, not the browser's bubbles, explain what is wrong.
 */
export function useContractForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  options: { guard?: boolean; guardMessage?: string; inApp?: boolean } = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    mode: 'onTouched',
  });
  const guardOptions: { message?: string; inApp?: boolean } = {};
  if (options.guardMessage !== undefined) guardOptions.message = options.guardMessage;
  if (options.inApp !== undefined) guardOptions.inApp = options.inApp;
  useLeaveGuard((options.guard ?? true) && form.formState.isDirty, guardOptions);
  return form;
}

type Bound<T extends FieldValues> = { control: Control<T, unknown, FieldValues>; name: FieldPath<T>; label: string };

/** What a bound field needs from the form: its value, how to change it and the schema's message for it. */
type Binding = {
  name: string;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  error: string | undefined;
};

/** The one `Controller` every bound field below goes through. */
function Bind<T extends FieldValues>({
  control,
  name,
  children,
}: Pick<Bound<T>, 'control' | 'name'> & { children: (binding: Binding) => ReactElement }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) =>
        children({
          name: field.name,
          value: field.value,
          onChange: (v) => field.onChange(v),
          onBlur: field.onBlur,
          error: fieldState.error?.message,
        })
      }
    />
  );
}

const text = (value: unknown) => (value as string | undefined) ?? '';

/** A kit text input bound to a form field; its error is the schema's message for that field. */
export function FormText<T extends FieldValues>({
  control,
  name,
  label,
  ...rest
}: Bound<T> & Omit<Parameters<typeof TextInput>[0], 'label' | 'value' | 'onChange' | 'error' | 'name'>) {
  return (
    <Bind control={control} name={name}>
      {(b) => <TextInput {...rest} label={label} name={b.name} value={text(b.value)} onChange={b.onChange} error={b.error} />}
    </Bind>
  );
}

/** A kit native input (a time, say) bound to a form field; leaving it counts as touching it, so its error shows then. */
export function FormNative<T extends FieldValues>({
  control,
  name,
  label,
  ...rest
}: Bound<T> & Omit<Parameters<typeof NativeField>[0], 'label' | 'value' | 'onChange' | 'error' | 'onBlur'>) {
  return (
    <Bind control={control} name={name}>
      {(b) => (
        <NativeField {...rest} label={label} value={text(b.value)} onChange={b.onChange} onBlur={b.onBlur} error={b.error} />
      )}
    </Bind>
  );
}

export function FormLongText<T extends FieldValues>({
  control,
  name,
  label,
  ...rest
}: Bound<T> & Omit<Parameters<typeof LongTextInput>[0], 'label' | 'value' | 'onChange' | 'error' | 'name'>) {
  return (
    <Bind control={control} name={name}>
      {(b) => <LongTextInput {...rest} label={label} name={b.name} value={text(b.value)} onChange={b.onChange} error={b.error} />}
    </Bind>
  );
}

export function FormSelect<T extends FieldValues, V extends string>({
  control,
  name,
  label,
  options,
  description,
}: Bound<T> & { options: readonly { value: V; label: string }[]; description?: ReactNode }) {
  return (
    <Bind control={control} name={name}>
      {(b) => (
        <SelectField<V> label={label} value={b.value as V} options={options} onChange={b.onChange} description={description} />
      )}
    </Bind>
  );
}

export function FormCheckbox<T extends FieldValues>({ control, name, label, description }: Bound<T> & { description?: string }) {
  return (
    <Bind control={control} name={name}>
      {(b) => (
        <CheckboxField
          label={label}
          checked={Boolean(b.value)}
          onChange={b.onChange}
          {...(description === undefined ? {} : { description })}
        />
      )}
    </Bind>
  );
}

/** A set of checkboxes bound to a list field: each ticked option's value is in the list, in ticking order. */
export function FormCheckboxGroup<T extends FieldValues, V extends string>({
  control,
  name,
  label,
  options,
}: Bound<T> & { options: readonly { value: V; label: string }[] }) {
  return (
    <Bind control={control} name={name}>
      {(b) => (
        <CheckboxGroup<V> label={label} value={(b.value as V[] | undefined) ?? []} options={options} onChange={b.onChange} />
      )}
    </Bind>
  );
}

/** The UK date field (day, month, year) bound to an ISO date string field ('' when empty). */
export function FormDate<T extends FieldValues>({
  control,
  name,
  label,
  isRequired,
  description,
}: Bound<T> & { isRequired?: boolean; description?: string }) {
  return (
    <Bind control={control} name={name}>
      {(b) => (
        <DateField
          label={label}
          value={text(b.value)}
          onChange={b.onChange}
          error={b.error}
          {...(isRequired === undefined ? {} : { isRequired })}
          {...(description === undefined ? {} : { description })}
        />
      )}
    </Bind>
  );
}

/** A record chosen in a directory picker, kept in a form as its id and name; null while none is. */
export type Picked = { id: number; name: string } | null;

/** The schema of a picked field: nothing yet, or a record with its id. */
export const pickedField = () =>
  z.custom<Picked>((v) => v === null || (typeof v === 'object' && typeof (v as { id?: unknown }).id === 'number'));

/**
 * The kit's directory picker bound to a picked field. `onPicked` runs after the field has the new
 * value, for a form that fills in another field from it (an owner's organisation).
 */
export function FormPicker<T extends FieldValues>({
  control,
  name,
  label,
  source,
  onPicked,
}: Bound<T> & { source: PickerSource; onPicked?: (item: PickerItem | null) => void }) {
  return (
    <Bind control={control} name={name}>
      {(b) => (
        <DirectoryPicker
          source={source}
          label={label}
          value={b.value as Picked}
          onPick={(item) => {
            b.onChange(item);
            onPicked?.(item);
          }}
        />
      )}
    </Bind>
  );
}

/**
 * A form's row of buttons: the submit button (the kit's SubmitButton, primary unless `plain`,
 * reading `busyLabel` while busy if given), then a cancel button when there is `onCancel`, then
 * any others. With no `submit` it is the row for a screen's own buttons.
 */
export function FormActions({
  submit,
  busy = false,
  disabled = false,
  busyLabel,
  plain = false,
  keyShortcuts,
  onCancel,
  cancelLabel = 'Cancel',
  children,
}: {
  submit?: ReactNode;
  /** A save under way: the submit button is disabled (and reads `busyLabel`, if given). */
  busy?: boolean;
  /** The submit button is disabled for another reason (nothing to save yet). */
  disabled?: boolean;
  busyLabel?: string;
  plain?: boolean;
  keyShortcuts?: string;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
  children?: ReactNode;
}) {
  return (
    <div className="form-actions">
      {submit !== undefined ? (
        <SubmitButton
          pending={busy}
          pendingLabel={busyLabel ?? submit}
          isDisabled={disabled}
          className={plain ? 'button' : 'button primary'}
          keyShortcuts={keyShortcuts}
        >
          {submit}
        </SubmitButton>
      ) : null}
      {onCancel ? (
        <Button className="button" onPress={onCancel}>
          {cancelLabel}
        </Button>
      ) : null}
      {children}
    </div>
  );
}
