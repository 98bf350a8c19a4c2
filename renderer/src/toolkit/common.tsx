import type { EvidenceItem, EvidenceLink, RagStatus } from '../../../shared/toolkit/checklist';
import { RAG_LABELS } from '../../../shared/toolkit/checklist';
import { ApiError } from '../api/client';

export { useToolkitRefresh } from './mutations';

export function errorText(error: unknown, fallback = 'Something went wrong.'): string {
  if (error instanceof ApiError)
    return error.details.length > 0 ? `${error.message} ${error.details.slice(0, 3).join(' ')}` : error.message;
  return fallback;
}

/** A status shown as words and colour together, never colour alone. */
export function RagBadge({ status }: { status: RagStatus }) {
  return <span className={`rag rag-${status}`}>{RAG_LABELS[status]}</span>;
}

export const ukDate = (iso: string | null | undefined) =>
  iso
    ? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
    : '';

/** Where an evidence link leads: a route in the app, or a template to start a draft from. */
export function EvidenceLinks({ item, onTemplate }: { item: EvidenceItem; onTemplate: (key: string) => void }) {
  return (
    <span className="evidence-links">
      {item.links.map((l: EvidenceLink) =>
        l.kind === 'template' ? (
          <button key={l.label} type="button" className="button small" onClick={() => onTemplate(l.templateKey)}>
            {l.label}
          </button>
        ) : (
          <a key={l.label} href={l.kind === 'route' ? `#${l.route}` : `#/toolkit/resources?q=${encodeURIComponent(l.query)}`}>
            {l.label}
          </a>
        ),
      )}
    </span>
  );
}
