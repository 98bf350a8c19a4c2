import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { DocumentStatus } from '../../../shared/contract/documents';
import type { StaleFinding } from '../../../shared/documents/stale-references';
import { ConfirmDialog, DialogActions, ModalDialog } from '../ui/dialog';
import { Notice } from '../ui/notice';
import type { StatusChange } from './mutations';
import { StaleList } from './stale-notice';

type Action = { to: DocumentStatus; label: string; confirm: string; danger?: boolean };

const WITHDRAW: Action = {
  to: 'withdrawn',
  label: 'Withdraw',
  confirm: 'Withdraw this document? A withdrawn document cannot be edited or agreed again.',
  danger: true,
};

/** Where a document can go from each status. Agreeing asks for a note (AgreeDialog); the others ask when `confirm` says so. */
const ACTIONS: Partial<Record<DocumentStatus, Action[]>> = {
  draft: [
    // Reversible (Back to draft) and the document stays editable, so it needs no confirmation.
    { to: 'in_review', label: 'Send for review', confirm: '' },
    WITHDRAW,
  ],
  in_review: [
    { to: 'draft', label: 'Back to draft', confirm: 'Return this document to draft?' },
    { to: 'agreed', label: 'Agree…', confirm: '' },
    WITHDRAW,
  ],
  agreed: [
    {
      to: 'draft',
      label: 'Start a revision',
      confirm: 'Start a revision? The agreed version stays in the versions list; the new draft is numbered from it.',
    },
    {
      to: 'superseded',
      label: 'Mark superseded',
      confirm: 'Mark this document as superseded by a newer one? This cannot be undone.',
      danger: true,
    },
    { to: 'withdrawn', label: 'Withdraw', confirm: 'Withdraw this agreed document? This cannot be undone.', danger: true },
  ],
};

type Move = Exclude<StatusChange, { to: 'agreed' }>['to'];

/** The buttons that move a document on from its status, asking first where the move is hard to undo. */
export function StatusActions({
  status,
  isPending,
  onMove,
  onAgree,
}: {
  status: DocumentStatus;
  isPending: boolean;
  onMove: (to: Move) => void;
  /** Agree… opens the agree dialog rather than moving the document at once. */
  onAgree: () => void;
}) {
  const [confirm, setConfirm] = useState<Action | null>(null);
  const move = (to: DocumentStatus) => to !== 'agreed' && onMove(to);
  return (
    <>
      {(ACTIONS[status] ?? []).map((a) => (
        <Button
          key={a.to}
          className={`button${a.to === 'agreed' ? ' primary' : ''}${a.danger ? ' danger' : ''}`}
          isDisabled={isPending}
          onPress={() => (a.to === 'agreed' ? onAgree() : a.confirm ? setConfirm(a) : move(a.to))}
        >
          {a.label}
        </Button>
      ))}
      <ConfirmDialog
        title={confirm?.label.replace('…', '') ?? ''}
        isOpen={confirm !== null}
        onClose={() => setConfirm(null)}
        onConfirm={() => confirm && move(confirm.to)}
        confirmLabel={confirm?.label ?? ''}
        danger={confirm?.danger}
      >
        <p>{confirm?.confirm}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * Agreeing freezes the next numbered version: who agreed it and a note. It cannot be agreed while
 * anything is still missing, nor with out-of-date references until the person says they checked them.
 */
export function AgreeDialog({
  isOpen,
  onClose,
  versionLabel,
  missing,
  stale,
  agreedByPlaceholder,
  isPending,
  onAgree,
}: {
  isOpen: boolean;
  onClose: () => void;
  versionLabel: string;
  missing: readonly string[];
  stale: readonly StaleFinding[];
  agreedByPlaceholder: string;
  isPending: boolean;
  onAgree: (agree: Omit<Extract<StatusChange, { to: 'agreed' }>, 'to'>) => void;
}) {
  const [note, setNote] = useState('');
  const [agreedBy, setAgreedBy] = useState('');
  const [ackStale, setAckStale] = useState(false);
  return (
    <ModalDialog title="Agree this document" isOpen={isOpen} onClose={onClose}>
      <p>
        Agreeing freezes version {Number(versionLabel.split('.')[0]) + 1}.0 exactly as it reads now. Later changes need a
        revision.
      </p>
      {missing.length > 0 ? (
        <Notice tone="error">Fill these in first; the document still shows them as not yet given: {missing.join(', ')}.</Notice>
      ) : null}
      {stale.length > 0 ? (
        <section className="stale-notice" aria-labelledby="agree-stale-heading">
          <h3 id="agree-stale-heading">
            {stale.length === 1 ? 'One reference looks out of date' : `${stale.length} references look out of date`}
          </h3>
          <StaleList findings={stale} showWhere />
          <label className="checkbox">
            <input type="checkbox" checked={ackStale} onChange={(e) => setAckStale(e.target.checked)} /> I have checked these and
            want to agree the document as it reads
          </label>
        </section>
      ) : null}
      <div className="field">
        <label htmlFor="agree-by">Agreed by</label>
        <input id="agree-by" value={agreedBy} placeholder={agreedByPlaceholder} onChange={(e) => setAgreedBy(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="agree-note">Note</label>
        <textarea
          id="agree-note"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="For example: agreed at the board meeting on 5 October"
        />
      </div>
      <DialogActions>
        <Button
          className="button primary"
          isDisabled={isPending || missing.length > 0 || (stale.length > 0 && !ackStale)}
          onPress={() => onAgree({ note, agreedBy: agreedBy || undefined, acknowledgeStale: ackStale })}
        >
          Agree version
        </Button>
        <Button className="button" onPress={onClose}>
          Cancel
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
