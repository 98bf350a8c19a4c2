import type { ReactNode } from 'react';
import { useId } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client';

/** A labelled native select: fast with long option lists and read well by screen readers. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  description,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  description?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as T)}
        aria-describedby={description ? `${id}-d` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {description ? (
        <span id={`${id}-d`} className="field-description">
          {description}
        </span>
      ) : null}
    </div>
  );
}

export function CheckboxField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
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

export const errorText = (error: unknown, fallback: string): string => (error instanceof ApiError ? error.message : fallback);

export function ErrorDetails({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.details.length === 0) return null;
  return (
    <ul className="error-details">
      {error.details.map((d) => (
        <li key={d}>{d}</li>
      ))}
    </ul>
  );
}
