import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { TrainingMatrix } from '../../../shared/toolkit/training';
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
import { RecordTable } from '../ui/data-table';
import { ExternalLink } from '../ui/external-link';

type Row = TrainingMatrix['organisations'][number];
type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;
const todayIso = () => new Date().toISOString().slice(0, 10);

function Matrix() {
  const matrix = useQuery({ queryKey: toolkitKeys.trainingMatrix(), queryFn: () => call('toolkit.training.matrix', {}) });
  const m = matrix.data;
  if (!m) return <p>Loading the training matrix…</p>;
  // Only the courses someone has been trained on get a column, each reading its cell by the course's place.
  const courses = m.courses
    .map((course, index) => ({ course, index }))
    .filter(({ index }) => m.organisations.some((o) => (o.cells[index] ?? 0) > 0));
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Training matrix</h2>
      {m.organisations.length === 0 ? (
        <p className="muted">No training recorded yet. Record a person’s training or count delegates below.</p>
      ) : (
        <div className="table-scroll">
          <RecordTable
            className="data-table matrix"
            label="People trained in the last three years, by organisation and course (named people plus delegates counted)"
            caption="People trained in the last three years, by organisation and course (named people plus delegates counted)"
            rows={m.organisations}
            rowKey={(o) => o.id}
            columns={[
              { key: 'organisation', label: 'Organisation', rowHeader: true, render: (o) => o.name },
              ...courses.map(({ course, index }) => ({
                key: `course-${course.id}`,
                label: course.title,
                render: (o: Row) => o.cells[index] || '',
              })),
              {
                key: 'first-responders',
                label: 'First responders in date',
                render: (o) => (o.firstResponders === 0 ? 'None' : o.firstResponders),
                cellClassName: (o) => (o.firstResponders === 0 ? 'overdue-flag' : undefined),
              },
            ]}
          />
        </div>
      )}
      <h2>Refreshers due</h2>
      {m.refreshersDue.length === 0 ? (
        <p className="muted">Nobody’s refresher falls due in the next 60 days.</p>
      ) : (
        <RecordTable
          label="Refreshers due now or in the next 60 days"
          caption="Refreshers due now or in the next 60 days"
          rows={m.refreshersDue}
          rowKey={(r) => r.recordId}
          columns={[
            { key: 'person', label: 'Person', render: (r) => r.personName },
            { key: 'organisation', label: 'Organisation', render: (r) => r.organisationName },
            { key: 'course', label: 'Course', render: (r) => r.courseTitle },
            { key: 'due', label: 'Due', render: (r) => longDate(r.refresherDue) },
          ]}
        />
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
        <RecordTable
          label="Training records, newest first"
          rows={records.data}
          rowKey={(r) => r.id}
          columns={[
            { key: 'person', label: 'Person', render: (r) => r.personName },
            { key: 'organisation', label: 'Organisation', render: (r) => r.organisationName },
            { key: 'course', label: 'Course', render: (r) => r.courseTitle },
            { key: 'trained', label: 'Trained', render: (r) => longDate(r.trainedOn) },
            { key: 'refresher', label: 'Refresher due', render: (r) => (r.refresherDue ? longDate(r.refresherDue) : 'None set') },
            {
              key: 'certificate',
              label: 'Certificate',
              render: (r) => (
                <>
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
                </>
              ),
            },
          ]}
        />
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
      <RecordTable
        label="Courses"
        rows={courses.data ?? []}
        rowKey={(c) => c.id}
        columns={[
          {
            key: 'course',
            label: 'Course',
            render: (c) => (
              <>
                {c.url ? <ExternalLink url={c.url}>{c.title}</ExternalLink> : c.title}
                {c.firstResponder ? <span className="tag">First responder</span> : null}
              </>
            ),
          },
          { key: 'provider', label: 'Provider', render: (c) => c.provider },
          { key: 'format', label: 'Format', render: (c) => c.format },
          { key: 'audience', label: 'Audience', render: (c) => courseAudienceLabel(c.audience) },
          { key: 'cost', label: 'Cost', render: (c) => COURSE_COST_LABELS[c.cost] },
          {
            key: 'refresher',
            label: 'Refresher',
            render: (c) => (c.refresherMonths ? `Every ${c.refresherMonths} months` : 'None'),
          },
        ]}
      />
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
