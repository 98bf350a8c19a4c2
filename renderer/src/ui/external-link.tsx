import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { checkExternalUrl } from '../../../shared/links';
import { DialogActions, ModalDialog } from './dialog';
import { Notice } from './notice';
import './external-link.css';

/**
 * The one "leave Concordat?" dialog: opening an address hands it to the system browser (or the mail
 * program), so it shows the full address and its site and asks first. `url` null: closed. `note`
 * says anything more the screen knows (the link may be broken). An address main would refuse (not
 * https, or carrying a password) is not offered, and the reason is given.
 */
export function OpenLinkDialog({ url, onClose, note }: { url: string | null; onClose: () => void; note?: ReactNode }) {
  const link = url === null ? null : checkExternalUrl(url);
  const email = link?.ok === true && link.kind === 'email';
  return (
    <ModalDialog title={email ? 'Write an email?' : 'Open this address in your browser?'} isOpen={url !== null} onClose={onClose}>
      {link?.ok ? (
        <>
          <p>Check it is the address you expect:</p>
          <p className="external-link-address">
            <code>{link.href}</code>
          </p>
          <p>
            {email ? 'Email to' : 'Site'}: <strong>{link.host}</strong>
          </p>
          {note ?? null}
          <DialogActions>
            <Button
              className="button primary"
              onPress={() => {
                onClose();
                window.open(link.href, '_blank', 'noopener,noreferrer');
              }}
            >
              {email ? 'Write email' : 'Open in browser'}
            </Button>
            <Button className="button" onPress={onClose}>
              Cancel
            </Button>
          </DialogActions>
        </>
      ) : link ? (
        <>
          <p className="external-link-address">
            <code>{url}</code>
          </p>
          <Notice tone="error">This address is not opened. {link.reason}</Notice>
          <DialogActions>
            <Button className="button" onPress={onClose}>
              Close
            </Button>
          </DialogActions>
        </>
      ) : null}
    </ModalDialog>
  );
}

/**
 * A link whose address came from what someone typed or imported. It opens nothing by itself: it
 * asks first (OpenLinkDialog), so a link labelled "Online link" cannot quietly take the coordinator
 * somewhere else. Addresses main would refuse are shown as text with the reason.
 */
export function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const link = checkExternalUrl(url);
  if (!link.ok) {
    return (
      <span className="external-link-refused" title={link.reason}>
        {children} ({link.reason})
      </span>
    );
  }
  return (
    <>
      <a
        href={link.href}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {children}
      </a>
      <OpenLinkDialog
        url={open ? link.href : null}
        onClose={() => setOpen(false)}
        note={<p>It came from text entered in Concordat.</p>}
      />
    </>
  );
}
