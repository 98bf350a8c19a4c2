import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="toolbar">{actions}</div> : null}
      </header>
      <div className="page-body">{children}</div>
    </section>
  );
}

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      <div>{children}</div>
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

/** One of a screen's buttons: what it says, what it does, whether it is the main one, and when it is off. */
export type Action = { label: string; onPress: () => void; primary?: boolean; isDisabled?: boolean };

/** A row of a screen's buttons (a page's toolbar, an empty state's first steps), the main one marked. */
export function ActionButtons({ actions }: { actions: readonly Action[] }) {
  return (
    <>
      {actions.map((a) => (
        <Button
          key={a.label}
          className={a.primary ? 'button primary' : 'button'}
          onPress={a.onPress}
          isDisabled={a.isDisabled ?? false}
        >
          {a.label}
        </Button>
      ))}
    </>
  );
}
