import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { AgendaItem, MeetingDetail } from '../../../shared/meetings/model';
import { Notice, useMessage } from '../ui/notice';
import { ActionsTable } from './actions-tab';
import { NativeField } from '../ui/fields';
import { errorText } from '../ui/errors';
import { FormActions } from '../ui/form';
import { useLeaveGuard } from '../ui/leave-guard';
import { StaleWriteNotice, useStaleWrite } from '../ui/stale-write';
import { useAddDecision, useDeleteDecision, useSaveAgendaItem } from './mutations';

/** The minutes tab: each agenda item's minutes (stale-write protected) and its decisions. */
export function MinutesTab({ detail }: { detail: MeetingDetail }) {
  return (
    <div className="minutes">
      <p className="muted">
        Minutes save when you leave a box or press its Save button. Decisions are listed in the minutes under their item.
      </p>
      {detail.agenda.map((item, n) => (
        <ItemMinutes key={item.id} item={item} number={n + 1} detail={detail} />
      ))}
    </div>
  );
}

type Minutes = { minutes: string };

/** Keep mine for minutes: their text first, then what this box added, for the minute-taker to tidy and save. */
function addMine(base: Minutes, mine: Minutes, theirs: Minutes): Minutes {
  const added = mine.minutes.startsWith(base.minutes) ? mine.minutes.slice(base.minutes.length).trim() : mine.minutes;
  return { minutes: theirs.minutes.includes(added) ? theirs.minutes : `${theirs.minutes}\n\n${added}`.trim() };
}

function ItemMinutes({ item, number, detail }: { item: AgendaItem; number: number; detail: MeetingDetail }) {
  const [text, setText] = useState(item.minutes);
  // The version the text box was filled from: saving on top of a newer version is refused (code "stale").
  const stored = { version: item.version, value: { minutes: item.minutes } };
  const stale = useStaleWrite(stored, { merge: addMine });
  const refused = stale.pending || stale.theirs !== null;
  const dirty = text !== stale.base.value.minutes;
  // Coming back to the meeting (or another window saving) brings a newer version: show it unless
  // this box holds typing of its own, which is then saved on that version or merged by choice.
  if (!dirty && !refused && item.version !== stale.version) {
    stale.rebase(stored);
    setText(item.minutes);
  }
  const [decision, setDecision] = useState('');
  const [message, setMessage] = useMessage(item.id);
  const onError = (e: unknown) => setMessage({ tone: 'error', text: errorText(e, 'Could not save.') });
  const save = useSaveAgendaItem({
    onSuccess: (saved) => {
      stale.rebase({ version: saved.version, value: { minutes: saved.minutes } });
      setMessage({ tone: 'success', text: 'Minutes saved.' });
    },
    onError,
    onStale: () => {
      setMessage(null);
      stale.refused();
    },
  });
  const saveMinutes = () =>
    save.mutate({
      id: item.id,
      version: stale.version,
      title: item.title,
      leadPersonId: item.leadPersonId,
      minutesAllowed: item.minutesAllowed,
      minutes: text,
    });
  // A save already under way (leaving the box starts one) finishes even if the screen changes.
  useLeaveGuard(dirty && !save.isPending, { message: `The minutes for item ${number} are not saved. Leave and lose them?` });
  const addDecision = useAddDecision({ onSuccess: () => setDecision(''), onError });
  const removeDecision = useDeleteDecision({ onError });
  const decisions = detail.decisions.filter((x) => x.agendaItemId === item.id);
  const label = `${number}. ${item.title}`;
  return (
    <section className="item-minutes" aria-labelledby={`item-${item.id}-h`}>
      <h2 id={`item-${item.id}-h`}>{label}</h2>
      {item.kind === 'matters_arising' && detail.mattersArising.length > 0 ? (
        <ActionsTable actions={detail.mattersArising} caption="Open actions from earlier meetings" />
      ) : null}
      <div className="field">
        <label htmlFor={`minutes-${item.id}`}>Minutes for item {number}</label>
        <textarea
          id={`minutes-${item.id}`}
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => dirty && !refused && saveMinutes()}
        />
      </div>
      {stale.theirs ? (
        <StaleWriteNotice
          what={`The minutes for item ${number}`}
          onMerge={() => {
            const next = stale.keepMine({ minutes: text });
            if (next) setText(next.value.minutes);
          }}
          onReload={() => {
            const theirs = stale.takeTheirs();
            if (theirs) setText(theirs.minutes);
          }}
        />
      ) : null}
      <FormActions>
        <Button className="button" isDisabled={!dirty || refused || save.isPending} onPress={saveMinutes}>
          Save minutes for item {number}
        </Button>
      </FormActions>
      {decisions.length > 0 ? (
        <ul className="decisions" aria-label={`Decisions on item ${number}`}>
          {decisions.map((x) => (
            <li key={x.id}>
              <strong>Decision:</strong> {x.text}{' '}
              <Button
                className="button small"
                aria-label={`Delete decision: ${x.text}`}
                onPress={() => removeDecision.mutate({ id: x.id })}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-row">
        <NativeField label={`Decision on item ${number}`} value={decision} onChange={setDecision} />
        <Button
          className="button"
          isDisabled={decision.trim() === '' || addDecision.isPending}
          onPress={() => addDecision.mutate({ meetingId: detail.meeting.id, agendaItemId: item.id, text: decision.trim() })}
        >
          Record decision
        </Button>
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
    </section>
  );
}
