import { useState } from 'react';
import type { Key } from 'react-aria-components';
import { Button } from 'react-aria-components';
import type { Action, MeetingDetail } from '../../../shared/meetings/model';
import { ACTION_STATUS_LABELS } from '../../../shared/meetings/model';
import { describeDate } from '../../../shared/meetings/time';
import { ActionForm } from './action-form';

export function ActionsTable({ actions, caption }: { actions: Action[]; caption: string }) {
  return (
    <table className="data-table compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Ref</th>
          <th scope="col">Action</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id} className={a.overdue ? 'is-overdue' : undefined}>
            <td>
              <a href={`#/meetings/actions/${a.id}`}>A{a.id}</a>
            </td>
            <td>{a.description}</td>
            <td>{[a.ownerPersonName, a.ownerOrganisationName].filter(Boolean).join(', ') || 'Not assigned'}</td>
            <td>{a.dueOn ? describeDate(a.dueOn) : 'No date'}</td>
            <td>
              {ACTION_STATUS_LABELS[a.status]}
              {a.overdue ? <strong className="overdue-flag"> Overdue</strong> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
