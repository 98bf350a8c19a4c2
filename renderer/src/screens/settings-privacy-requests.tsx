import { useQuery } from '@tanstack/react-query';
import { useCloseRequest, useLogRequest } from '../privacy/mutations';
import { privacyKeys } from '../privacy/queries';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { londonToday } from '../../../shared/meetings/time';
import { ukDate } from '../../../shared/privacy/dates';
import type { RequestKind } from '../../../shared/privacy/records';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from '../../../shared/privacy/records';
import '../privacy/privacy.css';
import { call } from '../api/client';
import { DateField, dateProblem } from '../ui/date-field';
import { RecordTable } from '../ui/data-table';
import { TextInput } from '../ui/fields';
import { Notice } from '../ui/notice';
import { SubmitForm } from '../ui/submit';
import { SelectField } from '../ui/fields';
import { errorText } from '../ui/errors';

const KINDS = (Object.keys(REQUEST_KIND_LABELS) as RequestKind[]).map((k) => ({ value: k, label: REQUEST_KIND_LABELS[k] }));

/** Settings → Privacy requests: subject access and erasure requests, each due a calendar month after receipt. */
export function PrivacyRequestsSettings() {
  const list = useQuery({ queryKey: privacyKeys.requests, queryFn: () => call('privacy.requests.list', {}) });
  const [kind, setKind] = useState<RequestKind>('subject_access');
  const [subject, setSubject] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => londonToday(new Date()));
  const [error, setError] = useState<string | null>(null);
  const add = useLogRequest({
    onSuccess: () => {
      setSubject('');
      setError(null);
    },
    onError: (e) => setError(errorText(e, 'Could not add the request.')),
  });
  const close = useCloseRequest({ onError: (e) => setError(errorText(e, 'Could not update the request.')) });
  return (
    <section className="settings-section" aria-labelledby="requests-heading">
      <h2 id="requests-heading">Privacy requests</h2>
      <p>Subject access and erasure requests. Each is due one calendar month after the day it was received.</p>
      <SubmitForm
        className="filters"
        label="Log a request"
        onSubmit={() => add.mutate({ kind, subject, personId: null, receivedOn, note: '' })}
      >
        <SelectField label="Request" value={kind} options={KINDS} onChange={setKind} />
        <TextInput label="Who it is about" value={subject} onChange={setSubject} />
        <DateField label="Received" value={receivedOn} onChange={setReceivedOn} isRequired />
        <Button
          type="submit"
          className="button"
          isDisabled={subject.trim() === '' || dateProblem(receivedOn, true) !== null || add.isPending}
        >
          Log request
        </Button>
      </SubmitForm>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {list.data && list.data.length > 0 ? (
        <RecordTable
          label="Privacy requests"
          rows={list.data}
          rowKey={(r) => r.id}
          columns={[
            { key: 'about', label: 'About', render: (r) => r.subject },
            { key: 'kind', label: 'Request', render: (r) => REQUEST_KIND_LABELS[r.kind] },
            { key: 'received', label: 'Received', render: (r) => ukDate(r.receivedOn) },
            {
              key: 'due',
              label: 'Due',
              render: (r) => (
                <>
                  {ukDate(r.dueOn)}
                  {r.overdue ? <strong> (overdue)</strong> : null}
                </>
              ),
            },
            {
              key: 'status',
              label: 'Status',
              render: (r) => `${REQUEST_STATUS_LABELS[r.status]}${r.completedOn ? ` ${ukDate(r.completedOn)}` : ''}`,
            },
            {
              key: 'actions',
              label: 'Actions',
              hideLabel: true,
              render: (r) =>
                r.status === 'open' ? (
                  <Button
                    className="button"
                    onPress={() => close.mutate(r)}
                    aria-label={`Mark the request about ${r.subject} done`}
                  >
                    Mark done
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : (
        <p>No requests logged yet.</p>
      )}
    </section>
  );
}
