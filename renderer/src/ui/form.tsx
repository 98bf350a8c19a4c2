import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactElement, ReactNode } from 'react';
import type { Control, DefaultValues, FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { DateField } from './date-field';
import { CheckboxField, CheckboxGroup, LongTextInput, SelectField, TextInput } from './fields';
import { useLeaveGuard } from './leave-guard';

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
type Binding = { name: string; value: unknown; onChange: (value: unknown) => void; error: string | undefined };

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
