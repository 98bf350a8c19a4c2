import Papa from 'papaparse';
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import type { ImportPreview, ImportSummary } from '../../../shared/contract/partners';
import type { ImportJobProgress } from '../../../shared/contract/partners-import';
import type { CsvEncoding } from '../../../shared/partners/csv-file';
import { CsvFileError, ENCODING_LABELS, decodeCsvFile, detectDelimiter } from '../../../shared/partners/csv-file';
import type { ColumnMapping, ImportField } from '../../../shared/partners/csv-import';
import { IMPORT_FIELDS, describeBadRow } from '../../../shared/partners/csv-import';
import { ApiError } from '../api/client';
import { Notice } from '../ui/notice';
import { navigate } from '../ui/router';
import { CheckboxField, NativeSelect } from '../ui/fields';
import { ErrorDetails, errorText } from '../ui/errors';
import type { OrganisationChoices } from './import-organisations';
import { NewOrganisations, choicesMissing, initialChoices } from './import-organisations';
import { useCancelImport, useImportCommit, useImportPreview } from './mutations';
import { FormActions } from '../ui/form';

const fieldOptions: { value: ImportField | ''; label: string }[] = [
  { value: '', label: 'Ignore this column' },
  ...IMPORT_FIELDS.map((f) => ({ value: f.key, label: f.label })),
];

type Stage =
  | { step: 'choose' }
  | { step: 'reading'; fraction: number; label: string }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'importing'; progress: ImportJobProgress }
  | { step: 'done'; summary: ImportSummary };

/**
 * Reads the file in the page in chunks, so a large file shows a determinate progress bar and a
 * broken file is caught before it is sent; main then checks every row against the directory.
 */
async function readWithProgress(
  file: File,
  onProgress: (fraction: number, label: string) => void,
): Promise<{ text: string; encoding: CsvEncoding }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  onProgress(0.05, 'Checking the text encoding…');
  const { text, encoding } = decodeCsvFile(bytes);
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter: detectDelimiter(text),
      chunkSize: 512 * 1024,
      chunk: (result: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        rows += result.data.length;
        if (result.errors.some((e: Papa.ParseError) => e.code === 'MissingQuotes')) {
          parser.abort();
          reject(
            new CsvFileError('A quoted cell in this file is never closed, so it cannot be read. Check the quotation marks.'),
          );
          return;
        }
        onProgress(0.05 + 0.85 * (result.meta.cursor / Math.max(1, text.length)), `Read ${rows.toLocaleString('en-GB')} rows…`);
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: () => resolve(),
    });
  });
  onProgress(0.92, `Checking ${rows.toLocaleString('en-GB')} rows against the directory…`);
  return { text, encoding };
}

export function ImportWizard() {
  const inputId = useId();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [encoding, setEncoding] = useState<CsvEncoding>('UTF-8');
  const [error, setError] = useState<unknown>(null);
  const [skipBad, setSkipBad] = useState(false);
  const [choices, setChoices] = useState<Record<string, 'skip' | 'merge'>>({});
  const [orgChoices, setOrgChoices] = useState<OrganisationChoices>({});

  const preview = useImportPreview({
    onSuccess: (p) => {
      setOrgChoices(initialChoices(p));
      setStage({ step: 'preview', preview: p });
      setError(null);
    },
    onError: (e) => {
      setError(e);
      setStage({ step: 'choose' });
    },
  });
  const commit = useImportCommit((progress) => setStage({ step: 'importing', progress }), {
    onSuccess: (progress, { preview: p }) => {
      if (progress.state === 'done' && progress.summary) {
        setStage({ step: 'done', summary: progress.summary });
        setError(null);
      } else if (progress.state === 'failed' && progress.error) {
        // Refused as a whole (for example rows with problems): back to the preview, with the reasons.
        setStage({ step: 'preview', preview: p });
        setError(new ApiError(progress.error));
      } else {
        setStage({ step: 'choose' });
        setError(new Error('The import was cancelled. Nothing from the file was kept.'));
      }
    },
    onError: (e) => setError(e),
  });
  const startImport = (p: ImportPreview) =>
    commit.mutate({
      preview: p,
      request: {
        text: text!,
        mapping: p.mapping,
        skipBadRows: skipBad,
        duplicates: choices,
        organisations: Object.fromEntries(
          Object.entries(orgChoices).flatMap(([k, c]) =>
            c.membership === '' ? [] : [[k, { sector: c.sector, membership: c.membership }]],
          ),
        ),
      },
    });
  const cancel = useCancelImport({ onError: (e) => setError(e) });

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setFileName(file.name);
    setChoices({});
    setSkipBad(false);
    setStage({ step: 'reading', fraction: 0, label: 'Opening the file…' });
    try {
      const read = await readWithProgress(file, (fraction, label) => setStage({ step: 'reading', fraction, label }));
      setText(read.text);
      setEncoding(read.encoding);
      preview.mutate({ text: read.text, mapping: null });
    } catch (e) {
      setError(e instanceof Error ? e : new Error('Could not read the file.'));
      setStage({ step: 'choose' });
    }
  };

  return (
    <section className="import-wizard" aria-labelledby="import-title">
      <h2 id="import-title">Import people and organisations from CSV</h2>
      <ol className="steps" aria-label="Import steps">
        {['Choose file', 'Match columns and check', 'Import'].map((s, i) => {
          const at = stage.step === 'choose' || stage.step === 'reading' ? 0 : stage.step === 'preview' ? 1 : 2;
          return (
            <li key={s} aria-current={i === at ? 'step' : undefined}>
              {s}
            </li>
          );
        })}
      </ol>
      <div className="field">
        <label htmlFor={inputId}>CSV file</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <span className="field-description">
          A CSV saved by Excel (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or contacts exported from Outlook. The
          first line must name the columns. Nothing is written until you press Import; if you cancel the import, nothing from the
          file is kept.
        </span>
      </div>
      {error ? (
        <Notice tone="error">
          {error instanceof Error ? errorText(error, error.message) : 'Could not read the file.'}
          <ErrorDetails error={error} />
        </Notice>
      ) : null}
      {stage.step === 'reading' ? (
        <div className="progress">
          <label>
            {stage.label}
            <progress max={1} value={stage.fraction} />
          </label>
        </div>
      ) : null}
      {stage.step === 'preview' ? (
        <PreviewStep
          fileName={fileName}
          encoding={encoding}
          preview={stage.preview}
          busy={preview.isPending || commit.isPending}
          skipBad={skipBad}
          setSkipBad={setSkipBad}
          choices={choices}
          setChoice={(line, c) => setChoices({ ...choices, [String(line)]: c })}
          remap={(mapping) => text && preview.mutate({ text, mapping })}
          onImport={() => startImport(stage.preview)}
          blocked={choicesMissing(orgChoices)}
          extra={<NewOrganisations preview={stage.preview} choices={orgChoices} onChange={setOrgChoices} />}
        />
      ) : null}
      {stage.step === 'importing' ? (
        <div className="progress">
          {stage.progress.phase === 'checking' ? (
            <label>
              Checking every row of {fileName}…
              <progress />
            </label>
          ) : (
            <label>
              Imported {stage.progress.done.toLocaleString('en-GB')} of {stage.progress.total.toLocaleString('en-GB')} rows…
              <progress max={Math.max(1, stage.progress.total)} value={stage.progress.done} />
            </label>
          )}
          <p className="field-description">You can keep working elsewhere in Concordat while this runs.</p>
          <Button className="button" isDisabled={cancel.isPending} onPress={() => cancel.mutate(stage.progress.jobId)}>
            Cancel import
          </Button>
        </div>
      ) : null}
      {stage.step === 'done' ? (
        <div>
          <Notice tone="success">
            Imported {fileName}: {stage.summary.peopleCreated} new {stage.summary.peopleCreated === 1 ? 'person' : 'people'},{' '}
            {stage.summary.peopleMerged} merged, {stage.summary.organisationsCreated} new organisations,{' '}
            {stage.summary.postsCreated} posts; {stage.summary.skipped} rows skipped.
          </Notice>
          <FormActions>
            <Button className="button primary" onPress={() => navigate('/partners/people')}>
              See the people
            </Button>
            <Button className="button" onPress={() => setStage({ step: 'choose' })}>
              Import another file
            </Button>
          </FormActions>
        </div>
      ) : null}
    </section>
  );
}

function PreviewStep(props: {
  fileName: string;
  encoding: CsvEncoding;
  preview: ImportPreview;
  busy: boolean;
  skipBad: boolean;
  setSkipBad: (v: boolean) => void;
  choices: Record<string, 'skip' | 'merge'>;
  setChoice: (line: number, c: 'skip' | 'merge') => void;
  remap: (mapping: ColumnMapping) => void;
  onImport: () => void;
  /** Shown before the Import button (new organisations to confirm). */
  extra?: ReactNode;
  /** Why Import must wait, or null. */
  blocked?: string | null;
}) {
  const { fileName, encoding, preview: p, busy, skipBad, setSkipBad, choices, setChoice, remap, onImport } = props;
  const good = p.rowCount - p.badRows.length;
  return (
    <div className="preview">
      <h3>Columns in {fileName}</h3>
      <p className="muted">
        {p.delimiter === ';' ? 'Semicolon' : p.delimiter === ',' ? 'Comma' : 'Tab'}-separated,{' '}
        {p.rowCount.toLocaleString('en-GB')} rows, read as {ENCODING_LABELS[encoding]}. Concordat recognised the columns below;
        change any that are wrong.
      </p>
      {p.warnings.length > 0 ? (
        <div role="region" aria-label="About this file">
          <ul>
            {p.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <table className="mapping">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Goes into</th>
          </tr>
        </thead>
        <tbody>
          {p.headers.map((h, i) => (
            <tr key={`${h}-${i}`}>
              <td>{h || `Column ${i + 1}`}</td>
              <td>
                <NativeSelect<ImportField | ''>
                  aria-label={`Field for column ${h || i + 1}`}
                  value={p.mapping[i] ?? ''}
                  disabled={busy}
                  options={fieldOptions}
                  onChange={(field) => {
                    const next = [...p.mapping];
                    next[i] = field || null;
                    remap(next);
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.missingColumn ? <Notice tone="error">{p.missingColumn}</Notice> : null}

      <h3>Check</h3>
      <p>
        {good.toLocaleString('en-GB')} rows ready to import
        {p.newOrganisations > 0 ? `, creating ${p.newOrganisations} new organisations` : ''}.
      </p>
      {p.sample.length > 0 ? (
        <table className="sample">
          <caption>The first rows as they will be imported</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              <th scope="col">Organisation</th>
              <th scope="col">Job title</th>
              <th scope="col">Email</th>
            </tr>
          </thead>
          <tbody>
            {p.sample.slice(0, 10).map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.name}</td>
                <td>{r.organisation}</td>
                <td>{r.jobTitle}</td>
                <td>{r.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {p.badRows.length > 0 ? (
        <div className="bad-rows" role="region" aria-label="Rows with problems">
          <h4>
            {p.badRows.length} {p.badRows.length === 1 ? 'row has a problem' : 'rows have problems'}
          </h4>
          <ul>
            {p.badRows.slice(0, 200).map((b) => (
              <li key={b.line}>{describeBadRow(b)}</li>
            ))}
          </ul>
          {p.badRows.length > 200 ? <p>…and {p.badRows.length - 200} more.</p> : null}
          <CheckboxField label="Skip the rows with problems and import the rest" checked={skipBad} onChange={setSkipBad} />
        </div>
      ) : null}
      {p.duplicates.length > 0 ? (
        <div className="duplicates" role="region" aria-label="Likely duplicates">
          <h4>
            {p.duplicates.length} likely {p.duplicates.length === 1 ? 'duplicate' : 'duplicates'}
          </h4>
          <ul>
            {p.duplicates.slice(0, 200).map((d) => (
              <li key={d.line}>
                <fieldset className="duplicate">
                  <legend>
                    Line {d.line}: {d.name}
                    {d.organisation ? `, ${d.organisation}` : ''} matches {d.existingName} (
                    {d.match === 'email' ? 'same email' : 'same name at the same organisation'})
                  </legend>
                  {(['skip', 'merge'] as const).map((c) => (
                    <label key={c} className="checkbox">
                      <input
                        type="radio"
                        name={`dup-${d.line}`}
                        checked={(choices[String(d.line)] ?? 'skip') === c}
                        onChange={() => setChoice(d.line, c)}
                      />
                      <span>{c === 'skip' ? 'Skip this row' : 'Merge into the existing record'}</span>
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.extra}
      {props.blocked ? <p className="muted">{props.blocked}</p> : null}
      <FormActions>
        <Button
          className="button primary"
          isDisabled={busy || Boolean(p.missingColumn) || Boolean(props.blocked)}
          onPress={onImport}
        >
          {busy ? 'Working…' : 'Import'}
        </Button>
      </FormActions>
    </div>
  );
}
