import type { CalendarDate } from '@internationalized/date';
import { parseDate } from '@internationalized/date';
import type { ContextType } from 'react';
import { useContext, useEffect, useMemo, useState } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateFieldStateContext,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  Text,
} from 'react-aria-components';
import { z } from 'zod';
import './date-field.css';

/** Dates a partnership works with: nothing before 1990 (no partnership is older) or past 2100. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
const MIN = parseDate(`${MIN_YEAR}-01-01`);
const MAX = parseDate(`${MAX_YEAR}-12-31`);

const toCalendar = (iso: string): CalendarDate | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
};

/** What is wrong with a date, in words, or null. The screen shows this; main checks again. */
export function dateProblem(iso: string, required = false): string | null {
  if (iso === '') return required ? 'Enter a date.' : null;
  const d = toCalendar(iso);
  if (!d) return 'Enter a whole date: day, month and year.';
  if (d.year < MIN_YEAR || d.year > MAX_YEAR) return `Enter a year between ${MIN_YEAR} and ${MAX_YEAR}.`;
  return null;
}

/** A form schema's date: the ISO string the field gives ('' when empty), its problem in words. */
export const dateInput = (required = false) =>
  z.string().superRefine((iso, ctx) => {
    const problem = dateProblem(iso, required);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * A date in UK order (day, month, year) whatever the browser's language, with a calendar button.
 * The value is an ISO date string ('' when empty), like the contract's.
 */
export function DateField({
  label,
  value,
  onChange,
  isRequired,
  description,
  error,
  isReadOnly,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  isRequired?: boolean;
  description?: string;
  error?: string | undefined;
  isReadOnly?: boolean;
}) {
  // Whether some but not all of day, month and year are filled, read from React Aria's own segment state
  // (never from the DOM): the field keeps its last whole value until every segment is cleared, then gives null.
  const [partial, setPartial] = useState(false);
  // The whole-date message waits until the person leaves the field, so it does not flash up while they type.
  const [editing, setEditing] = useState(false);
  // A required date the person has just emptied says so once they leave it; a form that was never filled stays quiet.
  const [cleared, setCleared] = useState(false);
  const problem =
    error ??
    (editing
      ? dateProblem(value)
      : partial
        ? 'Enter a whole date: day, month and year.'
        : dateProblem(value, cleared && isRequired));
  // One CalendarDate per ISO value: a new object on every render is a new controlled value to React Aria.
  const calendarValue = useMemo(() => toCalendar(value), [value]);
  return (
    <I18nProvider locale="en-GB">
      <DatePicker
        className="field date-field"
        value={calendarValue}
        onChange={(d) => {
          setCleared(d === null);
          onChange(d ? d.toString() : '');
        }}
        onFocusChange={setEditing}
        minValue={MIN}
        maxValue={MAX}
        isRequired={isRequired}
        isInvalid={Boolean(problem)}
        isReadOnly={isReadOnly}
        shouldForceLeadingZeros
        validationBehavior="aria"
      >
        <Label>
          {label}
          {isRequired ? <span aria-hidden="true"> *</span> : null}
        </Label>
        <Group className="date-group">
          <DateInput className="date-input">
            {(segment) => <WatchedSegment segment={segment} onPartialChange={setPartial} />}
          </DateInput>
          <Button className="picker-button" aria-label={`Choose ${label.toLowerCase()} from a calendar`}>
            ▾
          </Button>
        </Group>
        {description ? <Text slot="description">{description}</Text> : null}
        <FieldError>{problem}</FieldError>
        <Popover className="date-popover">
          <Dialog className="date-dialog" aria-label={`${label} calendar`}>
            <Calendar>
              <header className="date-calendar-head">
                <Button slot="previous" aria-label="Previous month">
                  ‹
                </Button>
                <Heading />
                <Button slot="next" aria-label="Next month">
                  ›
                </Button>
              </header>
              <CalendarGrid>{(date) => <CalendarCell date={date} className="date-cell" />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}

type SegmentState = NonNullable<ContextType<typeof DateFieldStateContext>>['segments'][number];

/** One segment; the first editable one also reports whether the date is part typed (some segments filled, not all). */
function WatchedSegment({ segment, onPartialChange }: { segment: SegmentState; onPartialChange: (partial: boolean) => void }) {
  const state = useContext(DateFieldStateContext);
  const editable = state ? state.segments.filter((s) => s.isEditable) : [];
  const reporter = editable[0]?.type === segment.type;
  const filled = editable.filter((s) => !s.isPlaceholder).length;
  const partial = filled > 0 && filled < editable.length;
  useEffect(() => {
    if (reporter) onPartialChange(partial);
  }, [reporter, partial, onPartialChange]);
  return <DateSegment segment={segment} className="date-segment" />;
}
