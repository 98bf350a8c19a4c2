import type { Control, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { FormDate, FormLongText, FormText } from '../ui/form';
import type { planForm } from './forms';

/** A plan's own fields, the same in the new-plan dialog and the plan's details form. */
export function PlanFields({
  control,
  visionHint,
}: {
  control: Control<z.input<typeof planForm>, unknown, FieldValues>;
  visionHint: string;
}) {
  return (
    <>
      <FormText control={control} name="title" label="Title" isRequired />
      <div className="inline-row">
        <FormDate control={control} name="startsOn" label="Starts" isRequired />
        <FormDate control={control} name="endsOn" label="Ends" isRequired />
      </div>
      <FormLongText control={control} name="vision" label="Vision" description={visionHint} />
    </>
  );
}
