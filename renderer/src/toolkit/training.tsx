import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { COURSE_AUDIENCES, COURSE_COST_LABELS, courseAudienceLabel } from '../../../shared/toolkit/training';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import type { Picked } from '../meetings/queries';
import { organisationSource, peopleSource } from '../meetings/queries';
import { ConfirmButton } from '../ui/dialog';
import { DirectoryPicker } from '../ui/directory-picker';
import { longDate } from '../../../shared/documents/placeholders';
import { errorText } from '../ui/errors';
import { useToolkitRefresh } from './mutations';
import { toolkitKeys } from './queries';
import { DateField } from '../ui/date-field';

type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;
const todayIso = () => new Date().toISOString().slice(0, 10);

function Matrix() {
  const matrix = useQuery({ queryKey: toolkitKeys.trainingMatrix(), queryFn: () => call('toolkit.training.matrix', {}) });
  const m = matrix.data;
  if (!m) return <p>Loading the training matrix…</p>;
  const used = m.courses.map((_, i) => m.organisations.some((o) => (o.cells[i] ?? 0) > 0));
  const courses = m.courses.filter((_, i) => used[i]);
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Training matrix</h2>
      {m.organisations.length === 0 ? (
        <p className="muted">No training recorded yet. Record a person’s training or count delegates below.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table matrix">
            <caption>
              People trained in the last three years, by organisation and course (named people plus delegates counted)
            </caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                {courses.map((c) => (
                  <th scope="col" key={c.id}>
                    {c.title}
                  </th>
                ))}
                <th scope="col">First responders in date</th>
              </tr>
            </thead>
            <tbody>
              {m.organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  {m.courses.map((c, i) => (used[i] ? <td key={c.id}>{o.cells[i] || ''}</td> : null))}
                  <td className={o.firstResponders === 0 ? 'overdue-flag' : undefined}>
                    {o.firstResponders === 0 ? 'None' : o.firstResponders}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Refreshers due</h2>
      {m.refreshersDue.length === 0 ? (
        <p className="muted">Nobody’s refresher falls due in the next 60 days.</p>
      ) : (
        <table className="data-table">
          <caption>Refreshers due now or in the next 60 days</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Organisation</th>
              <th scope="col">Course</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {m.refreshersDue.map((r) => (
              <tr key={r.recordId}>
                <td>{r.personName}</td>
                <td>{r.organisationName}</td>
                <td>{r.courseTitle}</td>
                <td>{longDate(r.refresherDue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CourseSelect({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const courses = useQuery({
    queryKey: toolkitKeys.courses(),
    queryFn: () => call('toolkit.training.courses.list', {}),
  });
  return (
    <div className="field">
      <label htmlFor={id}>Course</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a course</option>
        {courses.data?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
    </div>
  );
}

function RecordForms({ onMessage }: { onMessage: (m: Message) => void }) {
  const refresh = useToolkitRefresh();
  const [person, setPerson] = useState<Picked>(null);
  const [course, setCourse] = useState('');
  const [date, setDate] = useState(todayIso);
  const [org, setOrg] = useState<Picked>(null);
  const [countCourse, setCountCourse] = useState('');
  const [countDate, setCountDate] = useState(todayIso);
  const [delegates, setDelegates] = useState('');
  const addRecord = useMutation({
    mutationFn: () => call('toolkit.training.records.add', { personId: person!.id, courseId: Number(course), trainedOn: date }),
    onSuccess: async (r) => {
      await refresh();
      setPerson(null);
      onMessage({ tone: 'success', text: `Recorded ${r.courseTitle} for ${r.personName}.` });
    },
    onError: (e) => onMessage({ tone: 'error', text: errorText(e) }),
  });
  const addCount = useMutation({
    mutationFn: () =>
      call('toolkit.training.delegates.add', {
        organisationId: org!.id,
        courseId: Number(countCourse),
        trainedOn: countDate,
        delegates: Number(delegates),
      }),
    onSuccess: async (d) => {
      await refresh();
      setDelegates('');
      onMessage({ tone: 'success', text: `Counted ${d.delegates} delegates from ${d.organisationName}.` });
    },
    onError: (e) => onMessage({ tone: 'error', text: errorText(e) }),
  });
  return (
    <div className="training-forms">
      <form
        className="form editor"
        aria-labelledby="record-heading"
        onSubmit={(e) => {
          e.preventDefault();
          if (person && course && date) addRecord.mutate();
        }}
      >
        <h2 id="record-heading">Record a person’s training</h2>
        <DirectoryPicker source={peopleSource} label="Person" value={person} onPick={setPerson} />
        <CourseSelect id="record-course" value={course} onChange={setCourse} />
        <DateField label="Date trained" value={date} onChange={setDate} isRequired />
        <div className="form-actions">
          <Button type="submit" className="button primary" isDisabled={!person || !course || !date || addRecord.isPending}>
            Record training
          </Button>
        </div>
      </form>
      <form
        className="form editor"
        aria-labelledby="count-heading"
        onSubmit={(e) => {
          e.preventDefault();
          if (org && countCourse && countDate && Number(delegates) > 0) addCount.mutate();
        }}
      >
        <h2 id="count-heading">Count delegates without naming them</h2>
        <p className="field-help">For large sessions, keep only how many came from each organisation.</p>
        <DirectoryPicker source={organisationSource} label="Organisation" value={org} onPick={setOrg} />
        <CourseSelect id="count-course" value={countCourse} onChange={setCountCourse} />
        <div className="inline-row">
          <DateField label="Date" value={countDate} onChange={setCountDate} isRequired />
          <div className="field">
            <label htmlFor="count-n">Delegates</label>
            <input
              id="count-n"
              inputMode="numeric"
              value={delegates}
              onChange={(e) => setDelegates(e.target.value.replace(/\D/g, ''))}
            />
          </div>
        </div>
        <div className="form-actions">
          <Button
            type="submit"
            className="button"
            isDisabled={!org || !countCourse || !(Number(delegates) > 0) || addCount.isPending}
          >
            Add count
          </Button>
        </div>
      </form>
    </div>
  );
}

function Records({ onMessage }: { onMessage: (m: Message) => void }) {
  const refresh = useToolkitRefresh();
  const records = useQuery({
    queryKey: toolkitKeys.trainingRecords(),
    queryFn: () => call('toolkit.training.records.list', {}),
  });
  const save = async (job: () => Promise<Parameters<typeof completeSave>[0]>) => {
    try {
      onMessage({ tone: 'success', text: completeSave(await job()) });
    } catch (e) {
      onMessage({ tone: 'error', text: errorText(e) });
    }
  };
  return (
    <section aria-labelledby="records-heading">
      <div className="section-head">
        <h2 id="records-heading">Training records</h2>
        <Button className="button small" onPress={() => void save(() => call('toolkit.training.records.exportCsv', {}))}>
          Export records as CSV
        </Button>
      </div>
      {records.data?.length === 0 ? <p className="muted">No one’s training is recorded yet.</p> : null}
      {records.data && records.data.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">Training records, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Organisation</th>
              <th scope="col">Course</th>
              <th scope="col">Trained</th>
              <th scope="col">Refresher due</th>
              <th scope="col">Certificate</th>
            </tr>
          </thead>
          <tbody>
            {records.data.map((r) => (
              <tr key={r.id}>
                <td>{r.personName}</td>
                <td>{r.organisationName}</td>
                <td>{r.courseTitle}</td>
                <td>{longDate(r.trainedOn)}</td>
                <td>{r.refresherDue ? longDate(r.refresherDue) : 'None set'}</td>
                <td>
                  <Button
                    className="button small"
                    aria-label={`Certificate for ${r.personName}: ${r.courseTitle}`}
                    onPress={() => void save(() => call('toolkit.training.records.certificate', { id: r.id }))}
                  >
                    Certificate
                  </Button>{' '}
                  <ConfirmButton
                    label="Delete"
                    confirmLabel="Delete the record"
                    question={`Delete ${r.personName}’s ${r.courseTitle} record?`}
                    onConfirm={() =>
                      void (async () => {
                        await call('toolkit.training.records.delete', { id: r.id });
                        await refresh();
                        onMessage({ tone: 'success', text: `Deleted the record of ${r.personName}’s ${r.courseTitle}.` });
                      })()
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function Courses({ onMessage }: { onMessage: (m: Message) => void }) {
  const refresh = useToolkitRefresh();
  const courses = useQuery({
    queryKey: toolkitKeys.courses(),
    queryFn: () => call('toolkit.training.courses.list', {}),
  });
  const importCsv = async (file: File) => {
    try {
      const r = await call('toolkit.training.courses.import', { text: await file.text() });
      await refresh();
      onMessage({ tone: 'success', text: `Imported ${r.added} course${r.added === 1 ? '' : 's'}.` });
    } catch (e) {
      onMessage({ tone: 'error', text: errorText(e, 'The file could not be imported.') });
    }
  };
  return (
    <section aria-labelledby="courses-heading">
      <div className="section-head">
        <h2 id="courses-heading">Course library</h2>
        <div className="field inline-file">
          <label htmlFor="course-csv">Import courses from CSV (title, provider, format, audience, length, cost, link)</label>
          <input
            id="course-csv"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => e.target.files?.[0] && void importCsv(e.target.files[0])}
          />
        </div>
      </div>
      <table className="data-table">
        <caption className="visually-hidden">Courses</caption>
        <thead>
          <tr>
            <th scope="col">Course</th>
            <th scope="col">Provider</th>
            <th scope="col">Format</th>
            <th scope="col">Audience</th>
            <th scope="col">Cost</th>
            <th scope="col">Refresher</th>
          </tr>
        </thead>
        <tbody>
          {courses.data?.map((c) => (
            <tr key={c.id}>
              <td>
                {c.url ? (
                  <a href={c.url} target="_blank" rel="noreferrer noopener">
                    {c.title}
                  </a>
                ) : (
                  c.title
                )}
                {c.firstResponder ? <span className="tag">First responder</span> : null}
              </td>
              <td>{c.provider}</td>
              <td>{c.format}</td>
              <td>{courseAudienceLabel(c.audience)}</td>
              <td>{COURSE_COST_LABELS[c.cost]}</td>
              <td>{c.refresherMonths ? `Every ${c.refresherMonths} months` : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Audiences: {COURSE_AUDIENCES.map((a) => a.label).join(', ')}.</p>
    </section>
  );
}

export function TrainingScreen() {
  const [message, setMessage] = useMessage(null);
  return (
    <Page title="Training">
      <p className="lede">Who has been trained, who is due a refresher, and how many first responders each organisation has.</p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <Matrix />
      <RecordForms onMessage={setMessage} />
      <Records onMessage={setMessage} />
      <Courses onMessage={setMessage} />
    </Page>
  );
}
