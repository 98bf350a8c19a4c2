import { useEffect, useRef, useState } from 'react';
import { RecordTable } from '../ui/data-table';
import { Button } from 'react-aria-components';
import { svgDataUrl } from '../../../shared/charts/data-url';
import type { Block } from '../../../shared/documents/tree';
import { changeText, chartBlocks } from '../../../shared/reports/annual-report';
import type { AnnualFigures, AnnualReport, Compared, ReportSections } from '../../../shared/reports/types';
import { REPORT_SECTIONS } from '../../../shared/reports/types';
import { call } from '../api/client';
import { DocumentPreview } from '../documents/preview';
import { errorText, isStale } from '../ui/errors';
import { LongTextInput } from '../ui/fields';
import { useLeaveGuard } from '../ui/leave-guard';
import { Notice } from '../ui/notice';
import type { Message } from '../ui/notice';
import { Page } from '../ui/page';
import { useExport } from '../ui/use-export';
import { useRefreshDerived, usePreview, useReport } from './queries';

function Chart({ block }: { block: Block }) {
  if (block.kind !== 'image') return null;
  return (
    <figure className="report-chart">
      <img src={svgDataUrl(block.svg)} alt={block.alt} width={block.width} height={block.height} />
      {block.caption ? <figcaption>{block.caption}</figcaption> : null}
    </figure>
  );
}

function FiguresTable({ f }: { f: AnnualFigures }) {
  const rows: [string, Compared][] = [
    ['Member organisations at the year end', f.membership.atEnd],
    ['Organisations that joined', f.membership.joined],
    ['Organisations that left', f.membership.left],
    ['Meetings held', f.meetings.held],
    ['Attendances at meetings', f.meetings.attendances],
    ['Actions completed', f.actions.completed],
    ['Actions overdue at the year end', f.actions.overdueAtYearEnd],
    ['Documents agreed', f.documents.agreed],
    ['Documents reviewed', f.documents.reviewed],
    ['Decisions to share information', f.sharing.decisions],
    ['Training sessions', f.training.sessions],
    ['People trained', f.training.peopleTrained],
  ];
  return (
    <RecordTable
      className="data-table report-figures"
      label="The year in figures"
      caption="The year in figures"
      rows={rows}
      rowKey={([label]) => label}
      columns={[
        { key: 'figure', label: 'Figure', rowHeader: true, render: ([label]) => label },
        { key: 'year', label: String(f.year), render: ([, c]) => c.value },
        { key: 'previous', label: String(f.year - 1), render: ([, c]) => c.previous },
        { key: 'change', label: 'Change', render: ([, c]) => changeText(c) },
      ]}
    />
  );
}

type SaveState = 'saved' | 'unsaved' | 'saving' | 'stale' | 'error';
const SAVE_TEXT: Record<SaveState, string> = {
  saved: 'All changes saved.',
  unsaved: 'Not saved yet…',
  saving: 'Saving…',
  stale: 'Not saved: this report was changed in another window. Reload to see the latest version.',
  error: 'Not saved. Check the message above and try again.',
};

const pick = (r: AnnualReport): ReportSections => ({
  progress: r.progress,
  problems: r.problems,
  priorities: r.priorities,
  pointsForAction: r.pointsForAction,
});

/** The four written sections, saved a moment after typing stops, with the stale-write version. */
function Sections({ report }: { report: AnnualReport }) {
  const refresh = useRefreshDerived();
  const [values, setValues] = useState<ReportSections>(() => pick(report));
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const version = useRef(report.version);
  const latest = useRef(values);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const dirty = useRef(false);
  useLeaveGuard(state === 'unsaved' || state === 'saving' || state === 'error', {
    message: 'The last change to the report has not been saved yet.',
  });

  const save = () => {
    queue.current = queue.current.then(async () => {
      if (!dirty.current) return;
      dirty.current = false;
      setState('saving');
      try {
        const saved = await call('reports.save', { year: report.year, version: version.current, ...latest.current });
        version.current = saved.version;
        setError(null);
        setState(dirty.current ? 'unsaved' : 'saved');
        await refresh();
      } catch (e) {
        dirty.current = true;
        setState(isStale(e) ? 'stale' : 'error');
        if (!isStale(e)) setError(errorText(e, 'The report could not be saved.'));
      }
    });
    return queue.current;
  };

  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => void save(), 700);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values]);

  return (
    <section aria-labelledby="sections-heading" className="report-sections">
      <h2 id="sections-heading">Written sections</h2>
      <p className="muted">Progress, problems, priorities and points for action. Separate paragraphs with a blank line.</p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {REPORT_SECTIONS.map((s) => (
        <LongTextInput
          key={s.key}
          label={s.label}
          description={s.hint}
          rows={5}
          value={values[s.key]}
          onChange={(v) => {
            dirty.current = true;
            latest.current = { ...latest.current, [s.key]: v };
            setValues(latest.current);
            if (state !== 'stale') setState('unsaved');
          }}
        />
      ))}
      <p className="save-state" role="status" aria-live="polite">
        {SAVE_TEXT[state]}
      </p>
      {state === 'error' ? (
        <Button className="button" onPress={() => void save()}>
          Try saving again
        </Button>
      ) : null}
    </section>
  );
}

export function ReportScreen({ year }: { year: number }) {
  const report = useReport(year);
  const [publicSafe, setPublicSafe] = useState(false);
  const [showPreview, setShowPreview] = useState(false);
  const preview = usePreview(year, publicSafe, showPreview);
  const [message, setMessage] = useState<Message>(null);
  const exporter = useExport(setMessage);
  const exportReport = (pub: boolean) =>
    exporter.run(
      pub ? 'the public version' : 'the report',
      () => call('reports.export', { year, publicSafe: pub }),
      'The report could not be exported.',
    );

  const f = report.data?.figures;
  return (
    <Page
      title={`Annual report ${year}`}
      actions={
        <>
          <a className="button" href="#/plans/reports">
            All reports
          </a>
          <a className="button" href={`#/plans/returns/${year}`}>
            Partner returns
          </a>
          <Button className="button" isDisabled={exporter.busy || !f} onPress={() => void exportReport(false)}>
            Export report
          </Button>
          <Button className="button" isDisabled={exporter.busy || !f} onPress={() => void exportReport(true)}>
            Export public version
          </Button>
        </>
      }
    >
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {report.error ? <Notice tone="error">{errorText(report.error, 'The report could not be opened.')}</Notice> : null}
      {f && report.data ? (
        <>
          <p className="lede">
            Drafted from the records for 1 January to 31 December {year}, with {year - 1} alongside. The figures update as the
            records change.
          </p>
          <div className="report-layout">
            <section aria-labelledby="figures-heading" className="report-figures-section">
              <h2 id="figures-heading">Figures</h2>
              <FiguresTable f={f} />
              <p className="muted">
                Partner returns: {f.returns.returned} returned of {f.returns.requested} requested, {f.returns.outstanding}{' '}
                outstanding. Indicators in the plan: {f.indicators.length}.
              </p>
              <div className="report-charts">
                {['membership', 'attendance', 'actions']
                  .flatMap((k) => chartBlocks(f, k))
                  .map((b, i) => (
                    <Chart key={i} block={b} />
                  ))}
              </div>
            </section>
            <Sections report={report.data.report} />
          </div>
          <section aria-labelledby="preview-heading" className="report-preview">
            <h2 id="preview-heading">Preview</h2>
            <div className="toolbar">
              <Button className="button" onPress={() => setShowPreview((v) => !v)} aria-expanded={showPreview}>
                {showPreview ? 'Hide preview' : 'Show preview'}
              </Button>
              {showPreview ? (
                <label className="checkbox">
                  <input type="checkbox" checked={publicSafe} onChange={(e) => setPublicSafe(e.target.checked)} /> Public version
                </label>
              ) : null}
            </div>
            {showPreview && preview.data ? (
              <DocumentPreview
                tree={preview.data}
                label={publicSafe ? 'Preview of the public version' : 'Preview of the report'}
              />
            ) : null}
          </section>
        </>
      ) : null}
    </Page>
  );
}
