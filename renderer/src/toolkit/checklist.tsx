import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Label, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';
import type { AssessmentView } from '../../../shared/contract/toolkit';
import type { AnswerEntry, Answer, Comparison, EvidenceItem } from '../../../shared/toolkit/checklist';
import { ANSWERS, ANSWER_LABELS, QUESTIONS, THEMES, emptyAnswers } from '../../../shared/toolkit/checklist';
import { call } from '../api/client';
import { completeSave } from '../api/download';
import { Notice, useMessage } from '../ui/notice';
import { Page } from '../ui/page';
import { NewDocumentDialog } from '../documents/documents-list';
import { DialogActions, ModalDialog } from '../ui/dialog';
import { useShortcut } from '../ui/shortcuts';
import { navigate } from '../ui/router';
import { AnswerResources } from './attach';
import { longDate } from '../../../shared/documents/placeholders';
import { errorText } from '../ui/errors';
import { EvidenceLinks, RagBadge } from './evidence';
import { useCreateGapActions, useExportAssessment, useSaveAssessment, useUpdateAnswers } from './mutations';
import { toolkitKeys } from './queries';
import { DateField } from '../ui/date-field';
import { FormActions } from '../ui/form';

type Answers = Record<string, AnswerEntry>;

const CHANGE_TEXT = { improved: 'Improved', slipped: 'Slipped', same: 'No change', new: 'New' } as const;

function EvidencePanel({
  items,
  comparison,
  heading,
}: {
  items: EvidenceItem[];
  comparison?: Comparison | null;
  heading: string;
}) {
  const [template, setTemplate] = useState<string | null>(null);
  return (
    <section aria-labelledby="evidence-heading" className="evidence">
      <h2 id="evidence-heading">{heading}</h2>
      <ul className="evidence-list">
        {items.map((e) => {
          const change = comparison?.evidence.find((c) => c.key === e.key)?.change;
          return (
            <li key={e.key} className={`evidence-item rag-edge-${e.status}`}>
              <div className="evidence-head">
                <RagBadge status={e.status} />
                <strong>{e.title}</strong>
                {change && change !== 'new' ? <span className={`change change-${change}`}>{CHANGE_TEXT[change]}</span> : null}
              </div>
              <p className="evidence-reason">{e.reason}</p>
              <EvidenceLinks item={e} onTemplate={setTemplate} />
            </li>
          );
        })}
      </ul>
      <NewDocumentDialog isOpen={template !== null} onClose={() => setTemplate(null)} templateKey={template ?? undefined} />
    </section>
  );
}

function QuestionsForm({
  answers,
  onChange,
  evidence,
}: {
  answers: Answers;
  onChange: (key: string, entry: AnswerEntry) => void;
  evidence: EvidenceItem[];
}) {
  return (
    <div className="questions">
      {THEMES.map((theme) => (
        <section key={theme.key} aria-labelledby={`theme-${theme.key}`}>
          <h2 id={`theme-${theme.key}`}>{theme.label}</h2>
          {QUESTIONS.filter((q) => q.theme === theme.key).map((q) => {
            const entry = answers[q.key] ?? { answer: null, notes: '', resourceIds: [] };
            const related = evidence.filter((e) => q.evidence.includes(e.key));
            return (
              <div key={q.key} className="question">
                <RadioGroup
                  className="answer-group"
                  orientation="horizontal"
                  value={entry.answer ?? ''}
                  onChange={(v) => onChange(q.key, { ...entry, answer: v as Answer })}
                >
                  <Label className="question-text">
                    {q.number}. {q.text}
                  </Label>
                  <span className="field-help">{q.hint}</span>
                  <div className="answer-options">
                    {ANSWERS.map((a) => (
                      <Radio key={a} value={a} className="answer-option">
                        {ANSWER_LABELS[a]}
                      </Radio>
                    ))}
                  </div>
                </RadioGroup>
                {related.length > 0 ? (
                  <p className="question-evidence">
                    From your records:{' '}
                    {related.map((e) => (
                      <span key={e.key} className="question-evidence-item">
                        <RagBadge status={e.status} /> {e.title}
                      </span>
                    ))}
                  </p>
                ) : null}
                <TextField className="field notes" value={entry.notes} onChange={(notes) => onChange(q.key, { ...entry, notes })}>
                  <Label>Notes on question {q.number}</Label>
                  <TextArea rows={2} maxLength={2000} />
                </TextField>
                <AnswerResources
                  question={q.number}
                  uids={entry.resourceIds}
                  onChange={(resourceIds) => onChange(q.key, { ...entry, resourceIds })}
                />
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

function History({ currentId }: { currentId: number | null }) {
  const list = useQuery({ queryKey: toolkitKeys.assessments(), queryFn: () => call('toolkit.assessments.list', {}) });
  return (
    <aside className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">Saved assessments</h2>
      {list.data?.length === 0 ? <p className="muted">None yet. Answer the questions and save to keep a dated record.</p> : null}
      <ul>
        {currentId !== null ? (
          <li>
            <a href="#/toolkit/checklist">Start a new assessment</a>
          </li>
        ) : null}
        {list.data?.map((a) => (
          <li key={a.id}>
            <a href={`#/toolkit/checklist/${a.id}`} aria-current={a.id === currentId ? 'page' : undefined}>
              {longDate(a.assessedOn)}
            </a>
            <span className="muted">
              {' '}
              {a.answered} of {QUESTIONS.length} answered; {a.counts.green} green, {a.counts.amber} amber, {a.counts.red} red
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** A new assessment: live evidence from the records, and the seventeen questions. */
export function ChecklistScreen() {
  const evidence = useQuery({ queryKey: toolkitKeys.evidence(), queryFn: () => call('toolkit.checklist.evidence', {}) });
  const list = useQuery({ queryKey: toolkitKeys.assessments(), queryFn: () => call('toolkit.assessments.list', {}) });
  const [answers, setAnswers] = useState<Answers>(emptyAnswers);
  const [message, setMessage] = useMessage(null);
  const latestId = list.data?.[0]?.id;
  const save = useSaveAssessment();
  const saveAnswers = () =>
    save.mutate(
      { answers },
      {
        onSuccess: (v) => navigate(`/toolkit/checklist/${v.assessment.id}`),
        onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'The assessment could not be saved.') }),
      },
    );
  const copyLast = async () => {
    if (!latestId) return;
    const last = await call('toolkit.assessments.get', { id: latestId });
    setAnswers({ ...emptyAnswers(), ...last.assessment.answers });
    setMessage({
      tone: 'info',
      text: `Answers copied from the assessment of ${longDate(last.assessment.assessedOn)}. Check each one.`,
    });
  };
  useShortcut('s', saveAnswers);
  return (
    <Page
      title="Partnership checklist"
      actions={
        <>
          {latestId ? (
            <Button className="button" onPress={() => void copyLast()}>
              Start from the last answers
            </Button>
          ) : null}
          <Button className="button primary" onPress={saveAnswers} isDisabled={save.isPending} aria-keyshortcuts="Control+S">
            Save assessment
          </Button>
        </>
      }
    >
      <p className="lede">
        Seventeen questions about how the partnership works. Where Concordat already holds the answer in your records, it shows it
        beside the question. Saving keeps a dated copy of the answers and of the evidence as it is today.
      </p>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <div className="split">
        <div>
          {evidence.isError ? <Notice tone="error">{errorText(evidence.error, 'The evidence could not be read.')}</Notice> : null}
          {evidence.data ? (
            <EvidencePanel items={evidence.data} heading="Evidence from your records today" />
          ) : (
            <p>Reading your records…</p>
          )}
          <QuestionsForm
            answers={answers}
            evidence={evidence.data ?? []}
            onChange={(k, e) => setAnswers((prev) => ({ ...prev, [k]: e }))}
          />
          <FormActions>
            <Button className="button primary" onPress={saveAnswers} isDisabled={save.isPending}>
              Save assessment
            </Button>
          </FormActions>
        </div>
        <History currentId={null} />
      </div>
    </Page>
  );
}

function GapsDialog({
  view,
  isOpen,
  onClose,
  onDone,
}: {
  view: AssessmentView;
  isOpen: boolean;
  onClose: () => void;
  onDone: (n: number) => void;
}) {
  const gaps = view.assessment.evidence.filter((e) => e.status === 'red' || e.status === 'amber');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [dueOn, setDueOn] = useState('');
  const create = useCreateGapActions();
  const createActions = () =>
    create.mutate(
      {
        id: view.assessment.id,
        items: Object.entries(chosen).map(([evidenceKey, description]) => ({
          evidenceKey: evidenceKey as EvidenceItem['key'],
          description,
          dueOn: dueOn || null,
        })),
      },
      {
        onSuccess: (r) => {
          onDone(r.created.length);
          setChosen({});
          onClose();
        },
      },
    );
  return (
    <ModalDialog title="Turn gaps into actions" isOpen={isOpen} onClose={onClose} wide>
      <p>Choose the gaps to work on. Each becomes an open action in the action log, where you can give it an owner.</p>
      <fieldset className="gap-choices">
        <legend>Gaps in this assessment</legend>
        {gaps.length === 0 ? <p>There are no red or amber items.</p> : null}
        {gaps.map((g) => {
          const checked = chosen[g.key] !== undefined;
          const id = `gap-${g.key}`;
          return (
            <div key={g.key} className="gap-choice">
              <label className="check" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={checked}
                  onChange={(e) =>
                    setChosen((prev) => {
                      const next = { ...prev };
                      if (e.target.checked) next[g.key] = `${g.title}: ${g.reason}`.slice(0, 2000);
                      else delete next[g.key];
                      return next;
                    })
                  }
                />
                <RagBadge status={g.status} /> {g.title}
              </label>
              {checked ? (
                <TextField className="field" value={chosen[g.key]} onChange={(v) => setChosen((p) => ({ ...p, [g.key]: v }))}>
                  <Label>Action for {g.title}</Label>
                  <TextArea rows={2} />
                </TextField>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <DateField label="Due date (optional)" value={dueOn} onChange={setDueOn} />
      {create.isError ? <Notice tone="error">{errorText(create.error)}</Notice> : null}
      <DialogActions>
        <Button
          className="button primary"
          isDisabled={Object.keys(chosen).length === 0 || create.isPending}
          onPress={createActions}
        >
          Add {Object.keys(chosen).length || ''} to the action log
        </Button>
        <Button className="button" onPress={onClose}>
          Cancel
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}

/** A saved assessment: evidence frozen on the day, answers that can be corrected, the comparison, export. */
export function AssessmentScreen({ id }: { id: number }) {
  const view = useQuery({ queryKey: toolkitKeys.assessment(id), queryFn: () => call('toolkit.assessments.get', { id }) });
  if (view.isError) return <Page title="Assessment">{<Notice tone="error">{errorText(view.error)}</Notice>}</Page>;
  if (!view.data) return <Page title="Assessment">Loading…</Page>;
  return <AssessmentBody id={id} v={view.data} />;
}

function AssessmentBody({ id, v }: { id: number; v: AssessmentView }) {
  const [answers, setAnswers] = useState<Answers>(v.assessment.answers);
  const [message, setMessage] = useMessage(id);
  const [gapsOpen, setGapsOpen] = useState(false);
  const save = useUpdateAnswers();
  const saveAnswers = () =>
    save.mutate(
      { id, answers },
      {
        onSuccess: () =>
          setMessage({ tone: 'success', text: 'Answers saved. The evidence stays as it was on the day of the assessment.' }),
        onError: (e) => setMessage({ tone: 'error', text: errorText(e) }),
      },
    );
  const exportDocx = useExportAssessment();
  const exportWord = () => {
    setMessage({ tone: 'info', text: 'Preparing the Word document…' });
    exportDocx.mutate(id, {
      onSuccess: (o) => setMessage({ tone: 'success', text: completeSave(o) }),
      onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'The assessment could not be exported.') }),
    });
  };
  useShortcut('s', saveAnswers);
  useShortcut('e', exportWord);
  const slipped = v.comparison.evidence.filter((c) => c.change === 'slipped').length;
  const improved = v.comparison.evidence.filter((c) => c.change === 'improved').length;
  return (
    <Page
      title={`Assessment of ${longDate(v.assessment.assessedOn)}`}
      actions={
        <>
          <Button className="button" onPress={() => setGapsOpen(true)}>
            Turn gaps into actions
          </Button>
          <Button className="button" onPress={exportWord} isDisabled={exportDocx.isPending} aria-keyshortcuts="Control+E">
            Export as Word
          </Button>
          <Button className="button primary" onPress={saveAnswers} isDisabled={save.isPending} aria-keyshortcuts="Control+S">
            Save answers
          </Button>
        </>
      }
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <p className="lede">
        {v.previous
          ? `Compared with the assessment of ${longDate(v.previous.assessedOn)}: ${improved} improved, ${slipped} slipped.`
          : 'This is the first saved assessment, so there is nothing to compare with yet.'}
      </p>
      <div className="split">
        <div>
          <EvidencePanel
            items={v.assessment.evidence}
            comparison={v.previous ? v.comparison : null}
            heading="Evidence on the day"
          />
          <QuestionsForm
            answers={answers}
            evidence={v.assessment.evidence}
            onChange={(k, e) => setAnswers((p) => ({ ...p, [k]: e }))}
          />
        </div>
        <History currentId={id} />
      </div>
      <GapsDialog
        view={v}
        isOpen={gapsOpen}
        onClose={() => setGapsOpen(false)}
        onDone={(n) => setMessage({ tone: 'success', text: `${n} action${n === 1 ? '' : 's'} added to the action log.` })}
      />
    </Page>
  );
}
