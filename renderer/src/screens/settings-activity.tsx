import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useExportActivity } from '../privacy/mutations';
import { privacyKeys } from '../privacy/queries';
import { Button } from 'react-aria-components';
import { ukDate } from '../../../shared/privacy/dates';
import { entityLabel } from '../../../shared/privacy/records';
import '../privacy/privacy.css';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { DateField, dateProblem } from '../ui/date-field';
import { Notice } from '../ui/notice';
import { SelectField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { RecordTable } from '../ui/data-table';

const PAGE = 50;
const ALL = '';

/** A filter's options: `all` (no filter), then each value the log holds. */
const choices = (all: string, values: readonly string[] = [], label: (v: string) => string = (v) => v) => [
  { value: ALL, label: all },
  ...values.map((v) => ({ value: v, label: label(v) })),
];

/**
 * Settings → Activity: the audit log, filtered by what and when, exported as CSV. The log holds
 * only the kind of record, its id and what happened: never content, so nothing erased shows here.
 */
export function ActivitySettings() {
  const [entity, setEntity] = useState(ALL);
  const [action, setAction] = useState(ALL);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [limit, setLimit] = useState(PAGE);
  // Only a whole date in range filters: while a year is still being typed (0002, 0020, 0202…) the
  // list stays as it was instead of fetching for every keystroke, and the table never blinks out.
  const usable = (iso: string) => (iso !== '' && dateProblem(iso) === null ? iso : null);
  const fromDate = usable(from);
  const toDate = usable(to);
  const filter = useMemo(
    () => ({ entity: entity || null, action: action || null, from: fromDate, to: toDate }),
    [entity, action, fromDate, toDate],
  );
  const list = useQuery({
    queryKey: privacyKeys.activity(filter, limit),
    queryFn: () => call('privacy.activity.list', { ...filter, limit }),
    placeholderData: keepPreviousData,
  });
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const exportCsv = useExportActivity(filter, {
    onSuccess: (outcome) => setMessage({ tone: 'success', text: completeSave(outcome) }),
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not export the activity log.') }),
  });
  const data = list.data;
  /** A changed filter starts the list again from the newest entries. */
  const refilter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setLimit(PAGE);
  };
  return (
    <section className="settings-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <p>
        What was done to which record, and when. The log never holds the content of a record, so an erased person&rsquo;s details
        do not appear here: only that an erasure happened.
      </p>
      <div className="filters" role="group" aria-label="Filter the activity log">
        <SelectField
          label="What"
          value={entity}
          onChange={refilter(setEntity)}
          options={choices('Everything', data?.entities, entityLabel)}
        />
        <SelectField
          label="Action"
          value={action}
          onChange={refilter(setAction)}
          options={choices('Any action', data?.actions)}
        />
        <DateField label="From" value={from} onChange={setFrom} />
        <DateField
          label="To"
          value={to}
          onChange={setTo}
          error={fromDate && toDate && toDate < fromDate ? 'The end is before the start.' : undefined}
        />
        <Button className="button" onPress={() => exportCsv.mutate()} isDisabled={exportCsv.isPending}>
          Export CSV
        </Button>
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {list.isError ? <Notice tone="error">{errorText(list.error, 'Could not load the activity log.')}</Notice> : null}
      {data ? (
        <>
          <p aria-live="polite">
            {data.total === 1 ? '1 entry' : `${data.total} entries`}
            {data.rows.length < data.total ? `, newest ${data.rows.length} shown` : ''}.
          </p>
          <RecordTable
            label="Activity log"
            rows={data.rows}
            rowKey={(r) => r.id}
            columns={[
              { key: 'when', label: 'When', render: (r) => `${ukDate(r.at)} ${r.at.slice(11, 16)}` },
              { key: 'what', label: 'What', render: (r) => entityLabel(r.entity) },
              { key: 'record', label: 'Record', render: (r) => r.entityId },
              { key: 'action', label: 'Action', render: (r) => r.action },
            ]}
          />
          {data.rows.length < data.total ? (
            <Button className="button" onPress={() => setLimit(limit + PAGE)}>
              Show more
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
