import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ActionStatus } from '../../../shared/meetings/model';
import { describeDate, londonToday } from '../../../shared/meetings/time';
import { call } from '../api/client';
import { RecordTable } from '../ui/data-table';
import { DateField } from '../ui/date-field';
import { Notice, useMessage } from '../ui/notice';
import { EmptyState, Page } from '../ui/page';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { ActionForm } from './action-form';
import { actionColumns } from './actions-tab';
import { GroupFilter } from './group-filter';
import type { Picked } from '../ui/form';
import { FormActions } from '../ui/form';
import { ConfirmButton } from '../ui/dialog';
import { DirectoryPicker } from '../ui/directory-picker';
import { NativeField, SelectField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { useExport } from '../ui/use-export';
import { organisationSource, peopleSource } from './queries';
import { useAddActionUpdate, useDeleteAction } from './mutations';
import { meetingKeys } from './queries';

type StatusFilter = 'open_any' | 'all' | ActionStatus;
const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'open_any', label: 'Open and in progress' },
  { value: 'all', label: 'Any status' },
  { value: 'open', label: 'Open' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

const statusesFor = (f: StatusFilter): ActionStatus[] => (f === 'all' ? [] : f === 'open_any' ? ['open', 'in_progress'] : [f]);

export function ActionLog({ selectedId }: { selectedId: number | null }) {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [status, setStatus] = useState<StatusFilter>('open_any');
  const [organisation, setOrganisation] = useState<Picked>(null);
  const [owner, setOwner] = useState<Picked>(null);
  const [groupId, setGroupId] = useState('');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useMessage(null);
  const exporter = useExport(setMessage);
  const filter = useMemo(
    () => ({
      overdueOnly,
      statuses: statusesFor(status),
      organisationId: organisation?.id ?? null,
      ownerPersonId: owner?.id ?? null,
      groupId: groupId === '' ? null : Number(groupId),
      search: search.trim(),
    }),
    [overdueOnly, status, organisation, owner, groupId, search],
  );
  const list = useQuery({ queryKey: meetingKeys.actions(filter), queryFn: () => call('meetings.actions.list', filter) });
  const filtered = overdueOnly || status !== 'open_any' || organisation || owner || groupId !== '' || search.trim() !== '';
  const newAction = useCallback(() => {
    navigate('/meetings/actions');
    setCreating(true);
  }, []);
  useShortcut('n', newAction);
  const exportLog = useCallback(
    () => void exporter.run('the action log', () => call('meetings.export.actionLog', filter)),
    [exporter, filter],
  );
  useShortcut('e', exportLog);

  const page = list.data;
  return (
    <Page
      title="Action log"
      actions={
        <>
          <Button className="button primary" onPress={newAction} aria-keyshortcuts="Control+N">
            New action
          </Button>
          <Button className="button" onPress={exportLog} isDisabled={exporter.busy} aria-keyshortcuts="Control+E">
            Export action log
          </Button>
        </>
      }
    >
      <div className="filters" role="group" aria-label="Filter actions">
        <label className="check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          Overdue only
        </label>
        <SelectField label="Status" value={status} onChange={setStatus} options={STATUS_FILTERS} />
        <GroupFilter value={groupId} onChange={setGroupId} />
        <DirectoryPicker source={organisationSource} label="Owner organisation" value={organisation} onPick={setOrganisation} />
        <DirectoryPicker source={peopleSource} label="Owner" value={owner} onPick={setOwner} />
        <NativeField label="Search actions" value={search} onChange={setSearch} />
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {list.isError ? <Notice tone="error">{list.error.message}</Notice> : null}
      <div className="split">
        <div>
          {page ? (
            <p className="summary" role="status">
              {page.total} action{page.total === 1 ? '' : 's'}
              {page.overdue > 0 ? <strong className="overdue-flag">, {page.overdue} overdue</strong> : ', none overdue'}
              {page.total > page.items.length ? ` (showing the first ${page.items.length})` : ''}
            </p>
          ) : null}
          {page && page.total === 0 ? (
            filtered ? (
              <p className="empty-hint">No actions match these filters.</p>
            ) : (
              <EmptyState title="No actions yet">
                <p>
                  Actions are recorded in a meeting’s Actions tab, or here with “New action” for work agreed between meetings.
                  Give each an owner and a due date; overdue ones are highlighted here and counted in the sidebar.
                </p>
              </EmptyState>
            )
          ) : null}
          {page && page.items.length > 0 ? (
            <RecordTable
              label="Action log"
              rows={page.items}
              rowKey={(a) => a.id}
              rowProps={(a) => ({
                className:
                  [a.overdue ? 'is-overdue' : '', a.id === selectedId ? 'is-selected' : ''].join(' ').trim() || undefined,
              })}
              columns={[
                ...actionColumns(selectedId),
                {
                  key: 'from',
                  label: 'From',
                  render: (a) => (a.meetingId ? <a href={`#/meetings/${a.meetingId}`}>{a.meetingTitle}</a> : 'Standalone'),
                },
              ]}
            />
          ) : null}
        </div>
        <div>
          {selectedId !== null ? (
            <ActionPanel key={selectedId} id={selectedId} />
          ) : creating ? (
            <section aria-labelledby="new-action-h">
              <h2 id="new-action-h">New action</h2>
              <ActionForm
                action={null}
                meetingId={null}
                onCancel={() => setCreating(false)}
                onSaved={(a) => navigate(`/meetings/actions/${a.id}`)}
              />
            </section>
          ) : (
            <p className="muted">Choose an action’s reference to see its updates and edit it.</p>
          )}
        </div>
      </div>
    </Page>
  );
}

function ActionPanel({ id }: { id: number }) {
  const detail = useQuery({ queryKey: meetingKeys.action(id), queryFn: () => call('meetings.actions.get', { id }) });
  const [note, setNote] = useState('');
  const [notedOn, setNotedOn] = useState(() => londonToday(new Date()));
  const [message, setMessage] = useMessage(id);
  const onError = (e: unknown) => setMessage({ tone: 'error', text: errorText(e, 'That did not work.') });
  const addUpdate = useAddActionUpdate({ onSuccess: () => setNote(''), onError });
  const remove = useDeleteAction({ onSuccess: () => navigate('/meetings/actions'), onError });
  if (!detail.data) return detail.isError ? <Notice tone="error">{detail.error.message}</Notice> : <p>Loading…</p>;
  const { action, updates } = detail.data;
  return (
    <section aria-labelledby="action-panel-h" className="editor">
      <h2 id="action-panel-h">Action A{action.id}</h2>
      {action.meetingId ? (
        <p>
          From <a href={`#/meetings/${action.meetingId}`}>{action.meetingTitle}</a> ({action.groupName})
        </p>
      ) : (
        <p>Standalone action</p>
      )}
      <ActionForm key={action.updatedAt} action={action} meetingId={action.meetingId} />
      <h3>Updates</h3>
      {updates.length === 0 ? <p className="muted">No updates yet. Note progress here as you chase it.</p> : null}
      <ul className="updates">
        {updates.map((u) => (
          <li key={u.id}>
            <strong>{describeDate(u.notedOn)}:</strong> {u.note}
          </li>
        ))}
      </ul>
      <form
        className="inline-row"
        aria-label="Add an update"
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim() !== '') addUpdate.mutate({ actionId: id, notedOn, note: note.trim() });
        }}
      >
        <NativeField label="Update" value={note} onChange={setNote} />
        <DateField label="Date of update" value={notedOn} onChange={setNotedOn} />
        <Button type="submit" className="button" isDisabled={note.trim() === '' || addUpdate.isPending}>
          Add update
        </Button>
      </form>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <FormActions>
        <ConfirmButton
          label="Delete action"
          confirmLabel="Delete it"
          question="Delete this action and its updates? Marking it dropped keeps a record."
          onConfirm={() => remove.mutate({ id })}
        />
      </FormActions>
    </section>
  );
}
