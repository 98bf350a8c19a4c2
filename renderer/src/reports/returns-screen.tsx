import { useState } from 'react';
import { RecordTable } from '../ui/data-table';
import { Button, Form } from 'react-aria-components';
import { z } from 'zod';
import { agencyReturnSchema } from '../../../shared/contract/reports';
import { longDate } from '../../../shared/documents/placeholders';
import { sectorLabel } from '../../../shared/partners/sectors';
import type { AgencyReturn } from '../../../shared/reports/types';
import { RETURN_FIELDS, RETURN_STATUS_LABELS } from '../../../shared/reports/types';
import { DialogActions, ModalDialog } from '../ui/dialog';
import { errorText } from '../ui/errors';
import { FormDate, FormLongText, useContractForm } from '../ui/form';
import { Notice } from '../ui/notice';
import type { Message } from '../ui/notice';
import { EmptyState, Page } from '../ui/page';
import { navigate } from '../ui/router';
import { toast } from '../ui/toasts';
import { useExport } from '../ui/use-export';
import { useExportReturn, useSaveReturn } from './mutations';
import { useReturns } from './queries';
import { YearSelect } from './year-select';

const formSchema = agencyReturnSchema
  .omit({ organisationId: true, year: true, version: true, requestedOn: true, returnedOn: true })
  .extend({ requestedOn: z.string(), returnedOn: z.string() });

function AnswersForm({ item, onDone }: { item: AgencyReturn; onDone: () => void }) {
  const save = useSaveReturn();
  const form = useContractForm(formSchema, {
    requestedOn: item.requestedOn ?? '',
    returnedOn: item.returnedOn ?? new Date().toISOString().slice(0, 10),
    ...Object.fromEntries(RETURN_FIELDS.map((f) => [f.key, item[f.key]])),
  });
  const [error, setError] = useState<string | null>(null);
  const submit = form.handleSubmit(async (v) => {
    try {
      await save.mutateAsync({
        ...v,
        organisationId: item.organisationId,
        year: item.year,
        version: item.version,
        requestedOn: v.requestedOn || null,
        returnedOn: v.returnedOn || null,
      });
      form.reset(form.getValues());
      toast('success', `Saved the return from ${item.organisationName}.`);
      onDone();
    } catch (e) {
      setError(errorText(e, 'The return could not be saved.'));
    }
  });
  return (
    <Form validationBehavior="aria" onSubmit={(e) => void submit(e)} className="return-form">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="form-row">
        <FormDate control={form.control} name="requestedOn" label="Requested on" />
        <FormDate
          control={form.control}
          name="returnedOn"
          label="Returned on"
          description="Leave empty while it is outstanding."
        />
      </div>
      {RETURN_FIELDS.map((f) => (
        <FormLongText key={f.key} control={form.control} name={f.key} label={f.label} description={f.hint} rows={3} />
      ))}
      <DialogActions>
        <Button className="button" onPress={onDone}>
          Cancel
        </Button>
        <Button type="submit" className="button primary" isDisabled={save.isPending}>
          Save the return
        </Button>
      </DialogActions>
    </Form>
  );
}

export function ReturnsScreen({ year }: { year: number }) {
  const returns = useReturns(year);
  const exportForm = useExportReturn();
  const [editing, setEditing] = useState<AgencyReturn | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const exporter = useExport(setMessage);
  const list = returns.data ?? [];
  const counts = {
    returned: list.filter((r) => r.status === 'returned').length,
    outstanding: list.filter((r) => r.status === 'outstanding').length,
  };

  const exportOne = (r: AgencyReturn, filled: boolean) =>
    exporter.run(
      `the return form for ${r.organisationName}`,
      () => exportForm.mutateAsync({ organisationId: r.organisationId, year, filled }),
      'The form could not be exported.',
    );

  return (
    <Page
      title={`Partner returns ${year}`}
      actions={
        <a className="button" href={`#/plans/reports/${year}`}>
          Annual report {year}
        </a>
      }
    >
      <p className="lede">
        Send each member a short form asking what they did under Pursue, Prevent, Protect and Prepare. Exporting a form records it
        as requested; type the answers in here when it comes back, and the annual report includes them.
      </p>
      <div className="report-start">
        <YearSelect value={String(year)} onChange={(y) => navigate(`/plans/returns/${y}`)} />
        <p role="status">
          {counts.returned} returned, {counts.outstanding} outstanding, {list.length - counts.returned - counts.outstanding} not
          requested.
        </p>
      </div>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      {returns.data && list.length === 0 ? (
        <EmptyState title="No member organisations for this year">
          Returns are listed for the organisations that are members at the end of the year.
        </EmptyState>
      ) : (
        <RecordTable
          className="data-table returns-table"
          label={`Partner returns for ${year}`}
          rows={list}
          rowKey={(r) => r.organisationId}
          columns={[
            { key: 'organisation', label: 'Organisation', rowHeader: true, render: (r) => r.organisationName },
            { key: 'sector', label: 'Sector', render: (r) => sectorLabel(r.sector) },
            {
              key: 'status',
              label: 'Status',
              render: (r) => <span className={`status-pill ${r.status}`}>{RETURN_STATUS_LABELS[r.status]}</span>,
            },
            { key: 'requested', label: 'Requested', render: (r) => (r.requestedOn ? longDate(r.requestedOn) : '–') },
            { key: 'returned', label: 'Returned', render: (r) => (r.returnedOn ? longDate(r.returnedOn) : '–') },
            {
              key: 'actions',
              label: 'Actions',
              hideLabel: true,
              render: (r) => (
                <div className="row-actions">
                  <Button
                    className="button small"
                    aria-label={`Export the return form for ${r.organisationName}`}
                    onPress={() => void exportOne(r, r.status === 'returned')}
                  >
                    Export form
                  </Button>
                  <Button
                    className="button small"
                    aria-label={`Enter answers from ${r.organisationName}`}
                    onPress={() => setEditing(r)}
                  >
                    Enter answers
                  </Button>
                </div>
              ),
            },
          ]}
        />
      )}
      <ModalDialog
        title={editing ? `Return from ${editing.organisationName}, ${year}` : ''}
        isOpen={editing !== null}
        onClose={() => setEditing(null)}
        wide
        isDismissable={false}
      >
        {editing ? <AnswersForm key={editing.organisationId} item={editing} onDone={() => setEditing(null)} /> : null}
      </ModalDialog>
    </Page>
  );
}
