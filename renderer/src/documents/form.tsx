import type { ReactNode } from 'react';
import { useId, useMemo } from 'react';
import { Button } from 'react-aria-components';
import { describeDefault, fillItem } from '../../../shared/documents/defaults';
import type { StaleFinding } from '../../../shared/documents/stale-references';
import { findStaleReferences } from '../../../shared/documents/stale-references';
import type { Template, TemplateField } from '../../../shared/documents/template-schema';
import { DirectoryPicker } from '../ui/directory-picker';
import type { DirectoryCache } from './directory-cache';
import { AddAllMembers, isPartyGroup } from './add-members';
import { directorySource } from './queries';
import { StaleNotice } from './stale-notice';

type Values = Record<string, unknown>;
const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
type Props = {
  template: Template;
  values: Values;
  /** The values with their defaults applied, so an empty field can say what the document will use. */
  filled?: Values;
  onChange: (next: Values) => void;
  dir: DirectoryCache;
  readOnly?: boolean;
};

/** How a top-level default reads under its empty field. */
function describeTopDefault(field: TemplateField, value: unknown, dir: DirectoryCache): string {
  if (field.defaultFrom === 'document.date') return 'the day the document is agreed';
  if (field.defaultFrom === 'document.versionHistory' && Array.isArray(value))
    return `the versions Concordat records as the document moves from draft to agreed (${(value as Values[])
      .map((r) => `${String(r.version)}: ${String(r.changes)}`)
      .join('; ')})`;
  if (field.type === 'contact' && typeof value === 'number') {
    const c = dir.contacts.get(value);
    const who = c ? `${c.name}${c.jobTitle ? `, ${c.jobTitle}` : ''}` : 'the coordinator';
    return field.defaultFrom === 'partnership.coordinator' ? `the coordinator, ${who}` : who;
  }
  return describeDefault(field, value);
}

/** Inside a repeating group the same field appears once per item, so its accessible name says which item. */
function Context({ context }: { context?: string | undefined }) {
  return context ? <span className="visually-hidden">, {context}</span> : null;
}

function Label({
  field,
  htmlFor,
  id,
  context,
}: {
  field: TemplateField;
  htmlFor?: string;
  id?: string;
  context?: string | undefined;
}) {
  return (
    <label htmlFor={htmlFor} id={id}>
      {field.label}
      <Context context={context} />
      {field.required ? (
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </label>
  );
}

function Help({ field, id }: { field: TemplateField; id: string }) {
  return field.help ? (
    <p className="help" id={id}>
      {field.help}
    </p>
  ) : null;
}

/** One control with its label above and its help (and any out-of-date references) below. */
function LabelledField({
  field,
  id,
  context,
  stale = [],
  children,
}: {
  field: TemplateField;
  id: string;
  context?: string | undefined;
  stale?: readonly StaleFinding[];
  children: ReactNode;
}) {
  return (
    <div className="field">
      <Label field={field} htmlFor={id} context={context} />
      {children}
      <Help field={field} id={`${id}-help`} />
      <StaleNotice id={`${id}-stale`} findings={stale} />
    </div>
  );
}

/** Several controls (checkboxes, radios, a list's items) under the field's label as a legend, its help first. */
function FieldGroup({
  field,
  id,
  context,
  children,
}: {
  field: TemplateField;
  id: string;
  context?: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className="choice-group" aria-describedby={field.help ? `${id}-help` : undefined}>
      <legend>
        {field.label}
        <Context context={context} />
        {field.required ? <span className="required"> *</span> : null}
      </legend>
      <Help field={field} id={`${id}-help`} />
      {children}
    </fieldset>
  );
}

/** What each field's input is given; `context` names the item of a repeating group it belongs to. */
type FieldProps = {
  field: TemplateField;
  value: unknown;
  onChange: (v: unknown) => void;
  dir: DirectoryCache;
  readOnly?: boolean | undefined;
  context?: string | undefined;
};

/** Search the directory and add organisations or contacts; chosen ones are listed with Remove buttons. */
function DirectoryField({ field, value, onChange, dir, readOnly, context }: FieldProps) {
  const id = useId();
  const fieldName = context ? `${field.label}, ${context}` : field.label;
  const kind = field.type === 'organisation' || field.type === 'organisations' ? 'organisations' : 'contacts';
  const multiple = field.type === 'organisations' || field.type === 'contacts';
  const selected: number[] = multiple
    ? Array.isArray(value)
      ? (value as number[])
      : []
    : typeof value === 'number'
      ? [value]
      : [];
  const { remember } = dir;
  const source = useMemo(() => directorySource(kind, { remember }), [kind, remember]);
  const name = (i: number) => {
    if (kind === 'organisations') return dir.organisations.get(i)?.name ?? `Organisation ${i}`;
    const c = dir.contacts.get(i);
    return c ? `${c.name}, ${c.jobTitle}, ${c.organisation}` : `Contact ${i}`;
  };
  const add = (i: number) => {
    onChange(multiple ? (selected.includes(i) ? selected : [...selected, i]) : i);
  };
  const remove = (i: number) => onChange(multiple ? selected.filter((x) => x !== i) : null);
  const noun = kind === 'organisations' ? 'organisations' : 'contacts';
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`} aria-describedby={field.help ? `${id}-help` : undefined}>
      <Label field={field} id={`${id}-label`} context={context} />
      <Help field={field} id={`${id}-help`} />
      {selected.length > 0 ? (
        <ul className="picker-selected" aria-label={`Chosen for ${fieldName}`}>
          {selected.map((i) => (
            <li key={i}>
              <span>{name(i)}</span>
              {readOnly ? null : (
                <Button className="button small" onPress={() => remove(i)} aria-label={`Remove ${name(i)} from ${fieldName}`}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="help">None chosen yet.</p>
      )}
      {readOnly ? null : (
        <DirectoryPicker
          label={`Search ${noun} for ${fieldName}`}
          hideLabel
          placeholder={`Search ${noun}…`}
          source={source}
          clearOnPick
          exclude={selected}
          onPick={(item) => item && add(item.id)}
        />
      )}
    </div>
  );
}

function FieldInput({ field, value, onChange, dir, readOnly, idPrefix, context }: FieldProps & { idPrefix: string }) {
  const id = `${idPrefix}-${field.key}`;
  const helpId = `${id}-help`;
  const staleId = `${id}-stale`;
  const described = field.help ? helpId : undefined;
  const stale =
    (field.type === 'text' || field.type === 'longText') && typeof value === 'string' ? findStaleReferences(value) : [];
  const common = {
    id,
    'aria-describedby': [described, stale.length > 0 ? staleId : undefined].filter(Boolean).join(' ') || undefined,
    'aria-required': field.required || undefined,
    readOnly,
  };
  switch (field.type) {
    case 'text':
    case 'date':
    case 'number':
      return (
        <LabelledField field={field} id={id} context={context} stale={stale}>
          <input
            {...common}
            type={field.type === 'text' ? 'text' : field.type}
            value={value === undefined || value === null ? '' : String(value)}
            placeholder={field.placeholder}
            maxLength={field.type === 'text' ? (field.maxLength ?? 2000) : undefined}
            min={field.type === 'number' ? field.min : undefined}
            max={field.type === 'number' ? field.max : undefined}
            onChange={(e) => {
              const raw = e.target.value;
              if (field.type === 'number') onChange(raw === '' || Number.isNaN(Number(raw)) ? null : Number(raw));
              else onChange(raw);
            }}
          />
        </LabelledField>
      );
    case 'longText':
      return (
        <LabelledField field={field} id={id} context={context} stale={stale}>
          <textarea
            {...common}
            rows={5}
            value={typeof value === 'string' ? value : ''}
            placeholder={field.placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        </LabelledField>
      );
    case 'choice':
      return (
        <LabelledField field={field} id={id} context={context}>
          <select
            id={id}
            aria-describedby={described}
            aria-required={field.required || undefined}
            disabled={readOnly}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="">Choose…</option>
            {field.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </LabelledField>
      );
    case 'multiChoice': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <FieldGroup field={field} id={id} context={context}>
          {field.options?.map((o) => (
            <label key={o.value} className="check">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={chosen.includes(o.value)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? field.options!.map((x) => x.value).filter((v) => v === o.value || chosen.includes(v))
                      : chosen.filter((v) => v !== o.value),
                  )
                }
              />
              <span>
                {o.label}
                {o.help ? <span className="help"> {o.help}</span> : null}
              </span>
            </label>
          ))}
        </FieldGroup>
      );
    }
    case 'yesNo':
      return (
        <FieldGroup field={field} id={id} context={context}>
          <div className="toolbar">
            {[
              { v: true, l: 'Yes' },
              { v: false, l: 'No' },
            ].map((o) => (
              <label key={o.l} className="check">
                <input type="radio" name={id} disabled={readOnly} checked={value === o.v} onChange={() => onChange(o.v)} />
                {o.l}
              </label>
            ))}
          </div>
        </FieldGroup>
      );
    case 'organisation':
    case 'organisations':
    case 'contact':
    case 'contacts':
      return <DirectoryField field={field} value={value} onChange={onChange} dir={dir} readOnly={readOnly} context={context} />;
    case 'group': {
      const stored = Array.isArray(value) ? (value as Values[]) : [];
      // A required list with no default starts with its first row ready to fill (parties come from "Add all members").
      const startsWithRow =
        stored.length === 0 &&
        !readOnly &&
        field.required === true &&
        (field.min ?? 0) >= 1 &&
        field.default === undefined &&
        field.defaultFrom === undefined &&
        !isPartyGroup(field);
      const items = startsWithRow ? [{}] : stored;
      const noun = field.itemLabel ?? 'item';
      const set = (next: Values[]) => onChange(next);
      const move = (i: number, by: number) => {
        const next = [...items];
        const [x] = next.splice(i, 1);
        next.splice(i + by, 0, x!);
        set(next);
      };
      return (
        <FieldGroup field={field} id={id} context={context}>
          {stored.length === 0 && !startsWithRow ? <p className="help">None added yet.</p> : null}
          {items.map((item, i) => {
            const filled = fillItem(item, field.fields ?? [], dir);
            return (
              <div key={i} className="group-item" role="group" aria-label={`${noun} ${i + 1}`}>
                {(field.fields ?? []).map((sub) => (
                  <div key={sub.key}>
                    <FieldInput
                      field={sub}
                      value={item[sub.key]}
                      dir={dir}
                      readOnly={readOnly}
                      idPrefix={`${id}-${i}`}
                      context={`${noun} ${i + 1}`}
                      onChange={(v) => set(items.map((it, j) => (j === i ? { ...it, [sub.key]: v } : it)))}
                    />
                    {isBlank(item[sub.key]) && !isBlank(filled[sub.key]) ? (
                      <p className="help default-hint">Left empty, the document uses: {describeDefault(sub, filled[sub.key])}</p>
                    ) : null}
                  </div>
                ))}
                {readOnly ? null : (
                  <div className="toolbar" style={{ marginTop: 8 }}>
                    {[
                      { text: 'Move up', name: `Move ${noun} ${i + 1} up`, off: i === 0, run: () => move(i, -1) },
                      {
                        text: 'Move down',
                        name: `Move ${noun} ${i + 1} down`,
                        off: i === items.length - 1,
                        run: () => move(i, 1),
                      },
                      {
                        text: 'Remove',
                        name: `Remove ${noun} ${i + 1}`,
                        off: false,
                        run: () => set(items.filter((_, j) => j !== i)),
                      },
                    ].map((b) => (
                      <Button
                        key={b.text}

                        className="button small"
                        isDisabled={b.off}
                        onPress={b.run}
                        aria-label={b.name}
                      >
                        {b.text}
                      </Button>
                    ))}
                  </div>
                )}
              </div>
            );
          })}
          {readOnly || (field.max !== undefined && items.length >= field.max) ? null : (
            <div className="toolbar">
              <button type="button" className="button" onClick={() => set([...items, {}])}>
                Add {noun}
              </button>
              {isPartyGroup(field) ? (
                <AddAllMembers field={field} items={items} onAdd={(more) => set([...items, ...more])} />
              ) : null}
            </div>
          )}
        </FieldGroup>
      );
    }
  }
}

/** The guided form: the template's fields, in its sections. */
export function GuidedForm({ template, values, filled, onChange, dir, readOnly }: Props) {
  return (
    <>
      {template.sections.map((section) => {
        const fields = template.fields.filter((f) => f.section === section.key);
        if (fields.length === 0) return null;
        return (
          <fieldset key={section.key}>
            <legend>{section.title}</legend>
            {section.description ? <p className="help">{section.description}</p> : null}
            {fields.map((f) => (
              <div key={f.key} data-field-key={f.key}>
                <FieldInput
                  field={f}
                  value={values[f.key]}
                  dir={dir}
                  readOnly={readOnly}
                  idPrefix="field"
                  onChange={(v) => onChange({ ...values, [f.key]: v })}
                />
                {filled && isBlank(values[f.key]) && !isBlank(filled[f.key]) ? (
                  <p className="help default-hint">Left empty, the document uses: {describeTopDefault(f, filled[f.key], dir)}</p>
                ) : null}
              </div>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}
