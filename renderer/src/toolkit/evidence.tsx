import type { EvidenceItem, EvidenceLink, RagStatus } from '../../../shared/toolkit/checklist';
import { RAG_LABELS } from '../../../shared/toolkit/checklist';
import { RagBadge as Badge } from '../ui/rag-badge';

/** A checklist status as the kit's badge, with the checklist's own words. */
export function RagBadge({ status }: { status: RagStatus }) {
  return <Badge status={status} label={RAG_LABELS[status]} />;
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
