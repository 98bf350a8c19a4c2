import { useState } from 'react';
import type { Key } from 'react-aria-components';
import { Button } from 'react-aria-components';
import type { Action, MeetingDetail } from '../../../shared/meetings/model';
import { ACTION_STATUS_LABELS } from '../../../shared/meetings/model';
import { describeDate } from '../../../shared/meetings/time';
import type { TableColumn } from '../ui/data-table';
import { RecordTable } from '../ui/data-table';
import { ActionForm } from './action-form';

/** An action's reference (a link to it in the log, marked when it is the one open there), words, owner, due date and status. */
export const actionColumns = (selectedId: number | null = null): TableColumn<Action>[] => [
  {
    key: 'ref',
    label: 'Ref',
    render: (a) => (
      <a href={`#/meetings/actions/${a.id}`} aria-current={a.id === selectedId ? 'true' : undefined}>
        A{a.id}
      </a>
    ),
  },
  { key: 'action', label: 'Action', render: (a) => a.description },
  {
    key: 'owner',
    label: 'Owner',
    render: (a) => [a.ownerPersonName, a.ownerOrganisationName].filter(Boolean).join(', ') || 'Not assigned',
  },
  { key: 'due', label: 'Due', render: (a) => (a.dueOn ? describeDate(a.dueOn) : 'No date') },
  {
    key: 'status',
    label: 'Status',
    render: (a) => (
      <>
        {ACTION_STATUS_LABELS[a.status]}
        {a.overdue ? <strong className="overdue-flag"> Overdue</strong> : null}
      </>
    ),
  },
];

export function ActionsTable({ actions, caption }: { actions: Action[]; caption: string }) {
  return (
    <RecordTable
      className="data-table compact"
      label={caption}
      caption={caption}
      rows={actions}
      rowKey={(a) => a.id}
      rowProps={(a) => ({ className: a.overdue ? 'is-overdue' : undefined })}
      columns={actionColumns()}
    />
  );
}

/** The actions tab: the meeting's actions, one opened in the form beside them, or a new one. */
export function ActionsTab({ detail }: { detail: MeetingDetail }) {
  const [editing, setEditing] = useState<Key | null>(null);
  const action = detail.actions.find((a) => a.id === editing) ?? null;
  return (
    <div className="split">
      <div>
        {detail.actions.length > 0 ? (
          <>
            <ActionsTable actions={detail.actions} caption="Actions from this meeting" />
            <div className="toolbar">
              {detail.actions.map((a) => (
                <Button key={a.id} className="button small" onPress={() => setEditing(a.id)}>
                  Edit A{a.id}
                </Button>
              ))}
            </div>
          </>
        ) : (
          <p className="empty-hint">
            No actions from this meeting yet. Record each one with an owner and a due date: open actions come back under matters
            arising at the group’s next meeting, and the action log chases overdue ones.
          </p>
        )}
      </div>
      <div>
        {action ? (
          <ActionForm
            key={action.id}
            action={action}
            meetingId={detail.meeting.id}
            agenda={detail.agenda}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <>
            <h2>New action</h2>
            <ActionForm action={null} meetingId={detail.meeting.id} agenda={detail.agenda} />
          </>
        )}
      </div>
    </div>
  );
}
