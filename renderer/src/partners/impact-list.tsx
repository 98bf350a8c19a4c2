import { useQuery } from '@tanstack/react-query';
import type { ImpactItem } from '../../../shared/directory/types';
import { call } from '../api/client';
import { errorText } from '../ui/errors';
import { Notice } from '../ui/notice';
import { to } from '../ui/router';
import { partnerKeys } from './queries';

const KIND: Record<ImpactItem['kind'], string> = {
  document: 'Document',
  action: 'Action',
  meeting: 'Meeting',
  settings: 'Settings',
};

const hrefOf = (item: ImpactItem) => {
  if (item.kind === 'document' && item.id !== null) return `#${to.document(item.id)}`;
  if (item.kind === 'action' && item.id !== null) return `#${to.actions(item.id)}`;
  if (item.kind === 'meeting' && item.id !== null) return `#${to.meeting(item.id)}`;
  return `#${to.settings()}`;
};

/**
 * Before a removal: the documents, actions and meetings it affects, each a link, in plain words.
 * Following a link closes the dialog (onLeave) so the record shows behind it.
 */
export function RemovalImpactList({
  kind,
  id,
  none,
  onLeave,
}: {
  kind: 'organisation' | 'person';
  id: number;
  /** What to say when nothing else is affected. */
  none: string;
  onLeave: () => void;
}) {
  const impact = useQuery({ queryKey: partnerKeys.impact(kind, id), queryFn: () => call('directory.impact', { kind, id }) });
  if (impact.isPending) return <p>Checking what this affects…</p>;
  if (impact.isError) return <Notice tone="error">{errorText(impact.error, 'Could not check what this affects.')}</Notice>;
  const { items } = impact.data;
  if (items.length === 0) return <p className="impact-none">{none}</p>;
  return (
    <section className="removal-impact" aria-labelledby={`impact-${kind}-${id}`}>
      <h3 id={`impact-${kind}-${id}`}>
        This affects {items.length} {items.length === 1 ? 'record' : 'records'}
      </h3>
      <ul aria-label="Affected records">
        {items.map((item) => (
          <li key={`${item.kind}-${item.id ?? 'settings'}`}>
            <span className="impact-kind">{KIND[item.kind]}:</span>{' '}
            <a href={hrefOf(item)} onClick={onLeave}>
              {item.title}
            </a>
            <span className="impact-detail"> — {item.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
