import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { checkExternalUrl } from '../../../shared/links';
import './external-link.css';

/**
 * A link whose address came from what someone typed or imported. It opens nothing by itself: it
 * shows the full address and asks first, so a link labelled "Online link" cannot quietly take the
 * coordinator somewhere else. Addresses main would refuse (not https, or carrying a password) are
 * shown as text with the reason.
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
      <ModalOverlay className="ui-modal-overlay" isOpen={open} onOpenChange={setOpen} isDismissable>
        <Modal className="ui-modal">
          <Dialog className="ui-dialog">
            <Heading slot="title">{link.kind === 'email' ? 'Write an email?' : 'Open this address in your browser?'}</Heading>
            <p>It came from text entered in Concordat. Check it is the address you expect:</p>
            <p className="external-link-address">
              <code>{link.href}</code>
            </p>
            <p>
              {link.kind === 'email' ? 'Email to' : 'Site'}: <strong>{link.host}</strong>
            </p>
            <div className="ui-dialog-actions">
              <Button
                className="button primary"
                onPress={() => {
                  setOpen(false);
                  window.open(link.href, '_blank', 'noopener,noreferrer');
                }}
              >
                {link.kind === 'email' ? 'Write email' : 'Open in browser'}
              </Button>
              <Button className="button" onPress={() => setOpen(false)}>
                Cancel
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
