import type { EvidenceItem, EvidenceLink, RagStatus } from '../../../shared/toolkit/checklist';
import { RAG_LABELS } from '../../../shared/toolkit/checklist';

/** A status shown as words and colour together, never colour alone. */
export function RagBadge({ status }: { status: RagStatus }) {
  return <span className={`rag rag-${status}`}>{RAG_LABELS[status]}</span>;
}

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
