import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { HTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Page } from '../../../shared/partners/domain';

export type Column<T> = { key: string; label: string; width: string; render: (row: T) => ReactNode; sortKey?: string };

const PAGE = 100;
const ROW_HEIGHT = 44;

type Props<T extends { id: number }> = {
  label: string;
  queryKey: readonly unknown[];
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>;
  columns: Column<T>[];
  selectedId: number | null;
  onOpen: (row: T) => void;
  sort: string;
  dir: 'asc' | 'desc';
  onSort: (sortKey: string) => void;
  empty: ReactNode;
};

/**
 * A long list that stays smooth at 50,000 rows: only the rows on screen exist in the page
 * (@tanstack/react-virtual) and rows arrive in pages of 100 as they scroll into view.
 * It is a listbox: arrow keys move, Enter opens, and each row reads out its cells.
 */
export function PagedList<T extends { id: number }>(props: Props<T>) {
  const { label, queryKey, fetchPage, columns, selectedId, onOpen, sort, dir, onSort, empty } = props;
  const first = useQuery({ queryKey: [...queryKey, 0], queryFn: () => fetchPage(0, PAGE), placeholderData: (prev) => prev });
  const total = first.data?.total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // The React Compiler is not used here; the virtualizer re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const pages = useMemo(() => {
    const set = new Set<number>();
    for (const it of items) set.add(Math.floor(it.index / PAGE));
    set.delete(0);
    return [...set];
  }, [items]);
  const more = useQueries({
    queries: pages.map((p) => ({
      queryKey: [...queryKey, p],
      queryFn: () => fetchPage(p * PAGE, PAGE),
      staleTime: 30_000,
    })),
  });
  const rowAt = (index: number): T | undefined => {
    const p = Math.floor(index / PAGE);
    const data = p === 0 ? first.data : more[pages.indexOf(p)]?.data;
    return data?.rows[index - p * PAGE];
  };

  useEffect(() => {
    if (active >= total && total > 0) setActive(total - 1);
  }, [active, total]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => {
        const row = rowAt(active);
        if (row) onOpen(row);
      },
    };
    const fn = keys[e.key];
    if (fn) {
      e.preventDefault();
      fn();
    }
  };

  const template = columns.map((c) => c.width).join(' ');
  const idPrefix = label.toLowerCase().replace(/\W+/g, '-');
  return (
    <div className="paged-list">
      <div
        className="paged-list-head"
        style={{ gridTemplateColumns: template }}
        role="group"
        aria-label={`Sort ${label.toLowerCase()}`}
      >
        {columns.map((c) =>
          c.sortKey ? (
            <button
              key={c.key}
              type="button"
              className="sort-button"
              onClick={() => onSort(c.sortKey!)}
              aria-label={`Sort by ${c.label.toLowerCase()}${sort === c.sortKey ? (dir === 'asc' ? ', now ascending' : ', now descending') : ''}`}
            >
              {c.label}
              {sort === c.sortKey ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
            </button>
          ) : (
            <span key={c.key} className="col-label">
              {c.label}
            </span>
          ),
        )}
      </div>
      <p className="list-count" aria-live="polite">
        {first.isLoading ? 'Loading…' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'record' : 'records'}`}
      </p>
      {!first.isLoading && total === 0 ? (
        <div className="list-empty">{empty}</div>
      ) : (
        <div
          ref={scrollRef}
          className="paged-list-body"
          role="listbox"
          aria-label={label}
          tabIndex={0}
          aria-activedescendant={total > 0 ? `${idPrefix}-${active}` : undefined}
          onKeyDown={onKeyDown}
        >
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  id={`${idPrefix}-${item.index}`}
                  role="option"
                  aria-selected={row !== undefined && row.id === selectedId}
                  aria-posinset={item.index + 1}
                  aria-setsize={total}
                  className={`paged-row${item.index === active ? ' active' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template }}
                  onClick={() => {
                    setActive(item.index);
                    if (row) onOpen(row);
                  }}
                >
                  {row ? (
                    columns.map((c) => (
                      <span key={c.key} className="cell">
                        {c.render(row)}
                      </span>
                    ))
                  ) : (
                    <span className="cell muted">Loading…</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

export type TableColumn<T> = {
  key: string;
  /** The header; a visually hidden one still names the column for screen readers (an actions column). */
  label: string;
  hideLabel?: boolean;
  /** What the header shows when it is more than words (a link to the column's document); `label` otherwise. */
  header?: ReactNode;
  render: (row: T) => ReactNode;
  /** This column's cells head their rows (<th scope="row">), as a name or a figure's label does. */
  rowHeader?: boolean;
  /** A class for this column's cell in one row (an overdue status, say). */
  cellClassName?: (row: T) => string | undefined;
};

/**
 * A column of one button a row under a hidden header ("Restore"): the button's text is short, and
 * its accessible name says which row it acts on ("Restore the backup from 2 December 2026").
 */
export function buttonColumn<T>({
  key = 'actions',
  label = 'Actions',
  text,
  name,
  onPress,
  isDisabled,
  className = 'button',
}: {
  key?: string;
  label?: string;
  text: string;
  name: (row: T) => string;
  onPress: (row: T) => void;
  isDisabled?: boolean;
  className?: string;
}): TableColumn<T> {
  return {
    key,
    label,
    hideLabel: true,
    render: (row) => (
      <Button className={className} aria-label={name(row)} isDisabled={isDisabled ?? false} onPress={() => onPress(row)}>
        {text}
      </Button>
    ),
  };
}

/**
 * A short list shown whole (backups, privacy requests): a real table with column headers, so cells
 * read with their header and row buttons stay ordinary buttons. Long lists use PagedList above.
 */
export function RecordTable<T>({
  label,
  columns,
  rows,
  rowKey,
  className = 'data-table',
  caption,
  rowProps,
}: {
  label: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  className?: string;
  /** A visible caption; the table's accessible name stays `label`. */
  caption?: ReactNode;
  /** Attributes for one row's <tr> (a class that marks it, say). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement>;
}) {
  return (
    <table className={className} aria-label={label}>
      {caption !== undefined ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col">
              {c.header ?? (c.hideLabel ? <span className="visually-hidden">{c.label}</span> : c.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" className={c.cellClassName?.(row)}>
                  {c.render(row)}
                </th>
              ) : (
                <td key={c.key} className={c.cellClassName?.(row)}>
                  {c.render(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
