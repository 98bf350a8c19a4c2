import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { call } from '../api/client';
import { Notice } from '../ui/notice';
import { navigate } from '../ui/router';
import { errorWithDetails } from '../ui/errors';
import { documentKeys } from './queries';
import { useReviseOnTemplate } from './mutations';

/**
 * A document keeps the template it was made on. When that template has a newer version, say so
 * and offer a new draft on it, with the values carried over by field key; the old document stays.
 */
export function TemplateRevisionNotice({ id, templateTitle }: { id: number; templateTitle: string }) {
  const status = useQuery({
    queryKey: documentKeys.templateStatus(id),
    queryFn: () => call('documentRevisions.templateStatus', { id }),
  });
  const [error, setError] = useState<string | null>(null);
  const revise = useReviseOnTemplate(id, {
    onSuccess: (doc) => navigate(`/documents/${doc.id}`),
    onError: (e) => setError(errorWithDetails(e)),
  });
  const s = status.data;
  if (!s?.newer) return null;
  return (
    <Notice tone="info">
      Made on version {s.madeOn} of the template “{templateTitle}”; version {s.current} is now available. This document keeps the
      text it was made with.{' '}
      <Button className="button" isDisabled={revise.isPending} onPress={() => revise.mutate()}>
        Revise on the new template
      </Button>
      {error ? <span role="alert"> {error}</span> : null}
    </Notice>
  );
}
