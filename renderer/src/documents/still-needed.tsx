import type { Template } from '../../../shared/documents/template-schema';

/** The field a "still needed" label names: "Purpose", or "Parties 2: Signatory" inside a group item. */
function target(template: Template, label: string): { key: string; item: number | null } | null {
  const fields = [...template.fields].sort((a, b) => b.label.length - a.label.length);
  for (const f of fields) {
    if (label === f.label) return { key: f.key, item: null };
    const m = new RegExp(`^${f.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)\\b`).exec(label);
    if (m) return { key: f.key, item: Number(m[1]) };
    if (label.startsWith(`${f.label}:`)) return { key: f.key, item: null };
  }
  return null;
}

/** Move to a field of the guided form and put the caret in it. */
export function focusField(template: Template, label: string): void {
  const t = target(template, label);
  if (!t) return;
  const wrapper = document.querySelector<HTMLElement>(`[data-field-key="${t.key}"]`);
  if (!wrapper) return;
  const scope = t.item !== null ? (wrapper.querySelectorAll<HTMLElement>('.group-item')[t.item - 1] ?? wrapper) : wrapper;
  const control = scope.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button');
  scope.scrollIntoView({ block: 'center' });
  control?.focus();
}

/** "Still needed": one link per missing value, each taking you to its field. */
export function StillNeeded({ template, missing }: { template: Template; missing: readonly string[] }) {
  if (missing.length === 0) return null;
  return (
    <div className="help still-needed">
      <p>Still needed before it can be agreed:</p>
      <ul aria-label="Still needed">
        {missing.map((label) => (
          <li key={label}>
            <button type="button" className="link-button" onClick={() => focusField(template, label)}>
              {label}
            </button>
          </li>
        ))}
      </ul>
      <p>
        Fields marked <span className="required">*</span> are required, and every gap the document shows must be filled.
      </p>
    </div>
  );
}
