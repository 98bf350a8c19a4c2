import type { ReactNode } from 'react';
import type { Reactions } from '../api/reactions';
import { errorText } from '../ui/errors';
import type { Message } from '../ui/notice';

/**
 * The pane beside a directory list holding one record, its form or a new record's form, under its
 * heading; a record's `tools` (Edit, Archive…) stand beside the heading.
 */
export function DetailSection({ title, tools, children }: { title: ReactNode; tools?: ReactNode; children: ReactNode }) {
  const heading = <h2 id="detail-title">{title}</h2>;
  return (
    <section className="detail" aria-labelledby="detail-title">
      {tools ? (
        <header className="detail-header">
          {heading}
          <div className="toolbar">{tools}</div>
        </header>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}

/** What archiving or restoring a record says: `them` is how the message refers back to it ('it', 'them'). */
export function archiveMessages(
  setMessage: (m: Message) => void,
  them: 'it' | 'them',
): Reactions<{ name: string; archivedAt: string | null }> {
  return {
    onSuccess: (saved) =>
      setMessage({
        tone: 'success',
        text: saved.archivedAt ? `${saved.name} is archived. Restore brings ${them} back.` : `${saved.name} is restored.`,
      }),
    onError: (e) => setMessage({ tone: 'error', text: errorText(e, 'Could not change the archive state.') }),
  };
}
