import type { DocumentStatus } from '../../../shared/contract/documents';
import { STATUS_LABELS } from '../../../shared/contract/documents';

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>;
}
