import { useState } from 'react';
import { Button } from 'react-aria-components';
import { exampleNames, mapExampleValues } from '../../../shared/documents/example-values';
import type { Template } from '../../../shared/documents/template-schema';
import { ApiError, call } from '../api/client';
import { LoadExampleButton } from '../ui/load-example';
import { Notice } from '../ui/notice';

type Values = Record<string, unknown>;
const isEmpty = (v: unknown) => v === undefined || v === '' || v === null || (Array.isArray(v) && v.length === 0);

/**
 * "Fill empty fields with example values". The template's examples name organisations and
 * contacts; the document stores directory ids, so the names are looked up in the directory first.
 * Names the directory lacks stay empty and the user is offered the example partnership.
 */
export function FillExamplesButton({
  template,
  values,
  onFill,
}: {
  template: Template;
  values: Values;
  onFill: (values: Values) => void;
}) {
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fill = async () => {
    setBusy(true);
    setError(null);
    try {
      const names = exampleNames(template);
      const found = await call('directory.findByName', names);
      const mapped = mapExampleValues(template, {
        organisations: new Map(found.organisations.map((o) => [o.name, o.id])),
        contacts: new Map(found.contacts.map((c) => [c.name, c.id])),
      });
      const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => !isEmpty(v)));
      onFill({ ...mapped.values, ...kept });
      setMissing(mapped.missing);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The example values could not be filled in.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button className="button" isDisabled={busy} onPress={() => void fill()}>
        Fill empty fields with example values
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {missing.length > 0 ? (
        <Notice tone="info">
          <p style={{ marginTop: 0 }}>
            {missing.length > 5
              ? `${missing.length} example organisations and people are not in your directory, so their fields are still empty.`
              : `Some example organisations and people are not in your directory, so their fields are still empty: ${missing.join(', ')}.`}{' '}
            Load the example partnership to fill these, then fill the example values again.
          </p>
          <LoadExampleButton onLoaded={() => setMissing([])} />
        </Notice>
      ) : null}
    </div>
  );
}
