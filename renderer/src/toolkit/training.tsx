import { useQuery } from '@tanstack/react-query';
import { Button, Form } from 'react-aria-components';
import { z } from 'zod';
import { delegatesAddReq, recordAddReq } from '../../../shared/contract/toolkit';
import { longDate } from '../../../shared/documents/placeholders';
import { londonToday } from '../../../shared/meetings/time';
import type { TrainingMatrix } from '../../../shared/toolkit/training';
import { COURSE_AUDIENCES, COURSE_COST_LABELS, courseAudienceLabel } from '../../../shared/toolkit/training';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { organisationSource, peopleSource } from '../meetings/queries';
import { RecordTable } from '../ui/data-table';
import { dateInput } from '../ui/date-field';
import { ConfirmButton } from '../ui/dialog';
import { errorText, errorWithDetails } from '../ui/errors';
import { ExternalLink } from '../ui/external-link';
import { FormActions, FormDate, FormPicker, FormSelect, FormText, pickedField, useContractForm } from '../ui/form';
import { FormProblems } from '../ui/form-problems';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import { useAddTrainingRecord, useCountDelegates, useDeleteTrainingRecord, useImportCourses } from './mutations';
import { toolkitKeys } from './queries';

type Row = TrainingMatrix['organisations'][number];
type Message = { tone: 'error' | 'success' | 'info'; text: string } | null;
const todayIso = () => londonToday(new Date());

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

const picked = (message: string) => pickedField().refine((v) => v !== null, message);
const courseChoice = z.string().min(1, 'Choose a course.');

/** A person's training: the contract's own date rule, with the person and course as picked. */
const recordForm = z.object({
  person: picked('Choose the person trained.'),
  courseId: courseChoice,
  trainedOn: dateInput(true).pipe(recordAddReq.shape.trainedOn),
});
/** Delegates counted: as typed (digits), then the contract's own limits on the number. */
const countForm = z.object({
  organisation: picked('Choose the organisation.'),
  courseId: courseChoice,
  trainedOn: dateInput(true).pipe(delegatesAddReq.shape.trainedOn),
  delegates: z
    .string()
    .trim()
    .regex(/^\d+$/, 'Enter how many delegates came, as a number.')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100_000, 'Enter a number from 1 to 100,000.')
    .pipe(delegatesAddReq.shape.delegates),
});

function useCourseOptions() {
  const courses = useQuery({ queryKey: toolkitKeys.courses(), queryFn: () => call('toolkit.training.courses.list', {}) });
  return [{ value: '', label: 'Choose a course' }, ...(courses.data ?? []).map((c) => ({ value: String(c.id), label: c.title }))];
}

function RecordForms({ onMessage }: { onMessage: (m: Message) => void }) {
  const courseOptions = useCourseOptions();
  const record = useContractForm(recordForm, { person: null, courseId: '', trainedOn: todayIso() }, { guard: false });
  const count = useContractForm(
    countForm,
    { organisation: null, courseId: '', trainedOn: todayIso(), delegates: '' },
    { guard: false },
  );
  const addRecord = useAddTrainingRecord();
  const addCount = useCountDelegates();
  const failed = (e: unknown) => onMessage({ tone: 'error', text: errorText(e) });
  const saveRecord = record.handleSubmit((v) =>
    addRecord.mutate(
      { personId: v.person!.id, courseId: Number(v.courseId), trainedOn: v.trainedOn },
      {
        onSuccess: (r) => {
          record.reset({ ...v, person: null });
          onMessage({ tone: 'success', text: `Recorded ${r.courseTitle} for ${r.personName}.` });
        },
        onError: failed,
      },
    ),
  );
  const saveCount = count.handleSubmit((v) =>
    addCount.mutate(
      { organisationId: v.organisation!.id, courseId: Number(v.courseId), trainedOn: v.trainedOn, delegates: v.delegates },
      {
        onSuccess: (d) => {
          count.reset({ ...count.getValues(), delegates: '' });
          onMessage({ tone: 'success', text: `Counted ${d.delegates} delegates from ${d.organisationName}.` });
        },
        onError: failed,
      },
    ),
  );
  const recordErrors = record.formState.errors;
  const countErrors = count.formState.errors;
  return (
    <div className="training-forms">
      <Form
        className="form editor"
        aria-labelledby="record-heading"
        validationBehavior="aria"
        onSubmit={(e) => void saveRecord(e)}
      >
        <h2 id="record-heading">Record a person’s training</h2>
        <FormPicker control={record.control} name="person" label="Person" source={peopleSource} />
        <FormSelect control={record.control} name="courseId" label="Course" options={courseOptions} />
        <FormDate control={record.control} name="trainedOn" label="Date trained" isRequired />
        <FormProblems messages={[recordErrors.person?.message, recordErrors.courseId?.message]} />
        <FormActions submit="Record training" busy={addRecord.isPending} />
      </Form>
      <Form className="form editor" aria-labelledby="count-heading" validationBehavior="aria" onSubmit={(e) => void saveCount(e)}>
        <h2 id="count-heading">Count delegates without naming them</h2>
        <p className="field-help">For large sessions, keep only how many came from each organisation.</p>
        <FormPicker control={count.control} name="organisation" label="Organisation" source={organisationSource} />
        <FormSelect control={count.control} name="courseId" label="Course" options={courseOptions} />
        <FormDate control={count.control} name="trainedOn" label="Date" isRequired />
        <FormText control={count.control} name="delegates" label="Delegates" isRequired maxLength={6} />
        <FormProblems messages={[countErrors.organisation?.message, countErrors.courseId?.message]} />
        <FormActions submit="Add count" busy={addCount.isPending} plain />
      </Form>
    </div>
  );
}

function Records({ onMessage }: { onMessage: (m: Message) => void }) {
  const remove = useDeleteTrainingRecord();
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
                      remove.mutate(
                        { id: r.id },
                        {
                          onSuccess: () =>
                            onMessage({ tone: 'success', text: `Deleted the record of ${r.personName}’s ${r.courseTitle}.` }),
                          onError: (e) => onMessage({ tone: 'error', text: errorText(e) }),
                        },
                      )
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
  const importCourses = useImportCourses();
  const courses = useQuery({
    queryKey: toolkitKeys.courses(),
    queryFn: () => call('toolkit.training.courses.list', {}),
  });
  const importCsv = async (file: File) =>
    importCourses.mutate(
      { text: await file.text() },
      {
        onSuccess: (r) => onMessage({ tone: 'success', text: `Imported ${r.added} course${r.added === 1 ? '' : 's'}.` }),
        // Which rows could not be read, so the file can be put right.
        onError: (e) => onMessage({ tone: 'error', text: errorWithDetails(e, 'The file could not be imported.') }),
      },
    );
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
