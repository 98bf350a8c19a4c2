import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExternalLink, OpenLinkDialog } from '../../../renderer/src/ui/external-link';

afterEach(() => {
  vi.restoreAllMocks();
});

function Library({ url }: { url: string }) {
  const [opening, setOpening] = useState<string | null>(null);
  return (
    <>
      <Button onPress={() => setOpening(url)}>Open link</Button>
      <OpenLinkDialog url={opening} onClose={() => setOpening(null)} note={<p>This link may be broken.</p>} />
    </>
  );
}

describe('OpenLinkDialog', () => {
  it('shows the full address, its site and the screen’s note, and opens the browser only when asked', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const user = userEvent.setup();
    render(<Library url="https://www.legislation.gov.uk/ukpga/2011/20/contents/enacted" />);
    await user.click(screen.getByRole('button', { name: 'Open link' }));
    const dialog = screen.getByRole('dialog', { name: 'Open this address in your browser?' });
    expect(dialog.textContent).toContain('https://www.legislation.gov.uk/ukpga/2011/20/contents/enacted');
    expect(dialog.textContent).toContain('Site: www.legislation.gov.uk');
    expect(dialog.textContent).toContain('This link may be broken.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(open).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Open link' }));
    await user.click(screen.getByRole('button', { name: 'Open in browser' }));
    expect(open).toHaveBeenCalledWith(
      'https://www.legislation.gov.uk/ukpga/2011/20/contents/enacted',
      '_blank',
      'noopener,noreferrer',
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('does not offer an address main would refuse, and says why', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const user = userEvent.setup();
    render(<Library url="http://example.org/report.pdf" />);
    await user.click(screen.getByRole('button', { name: 'Open link' }));
    const dialog = screen.getByRole('dialog', { name: 'Open this address in your browser?' });
    expect(dialog.textContent).toContain('Only secure (https) web addresses can be opened.');
    expect(screen.queryByRole('button', { name: 'Open in browser' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(open).not.toHaveBeenCalled();
  });
});

describe('ExternalLink', () => {
  it('asks in the same dialog before writing an email', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const user = userEvent.setup();
    render(<ExternalLink url="mailto:spoc@northshire.example">Email the SPOC</ExternalLink>);
    await user.click(screen.getByRole('link', { name: 'Email the SPOC' }));
    const dialog = screen.getByRole('dialog', { name: 'Write an email?' });
    expect(dialog.textContent).toContain('Email to: spoc@northshire.example');
    expect(dialog.textContent).toContain('It came from text entered in Concordat.');
    await user.click(screen.getByRole('button', { name: 'Write email' }));
    expect(open).toHaveBeenCalledWith('mailto:spoc@northshire.example', '_blank', 'noopener,noreferrer');
  });
});
