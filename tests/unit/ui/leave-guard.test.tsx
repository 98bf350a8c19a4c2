import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LeaveGuardHost, useLeaveGuard } from '../../../renderer/src/ui/leave-guard';
import { navigate, parseRoute, stay, to } from '../../../renderer/src/ui/router';

// A question left open by one test would make the next test's page inert behind its dialog.
afterEach(stay);

function Form({ inApp = true }: { inApp?: boolean }) {
  const [text, setText] = useState('');
  useLeaveGuard(text !== '', { message: 'Your settings have changes that are not saved. Leave and lose them?', inApp });
  return (
    <>
      <label>
        Partnership name <input value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <a href="#/partners">Partners</a>
      <LeaveGuardHost />
    </>
  );
}

const hash = () => window.location.hash;
const settle = () => new Promise((r) => setTimeout(r, 10));

describe('leave guard', () => {
  it('lets you leave a form with nothing unsaved', async () => {
    window.location.hash = '#/settings';
    await settle();
    render(<Form />);
    navigate('/meetings');
    await settle();
    expect(hash()).toBe('#/meetings');
  });

  it('asks before a link leaves unsaved work, and Stay keeps you on the form with your typing', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/settings';
    await settle();
    render(<Form />);
    await user.type(screen.getByLabelText('Partnership name'), 'Northshire');
    await user.click(screen.getByRole('link', { name: 'Partners' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(dialog.textContent).toContain('Your settings have changes');
    expect(hash()).toBe('#/settings');
    await user.click(screen.getByRole('button', { name: 'Stay and keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(hash()).toBe('#/settings');
    expect((screen.getByLabelText('Partnership name') as HTMLInputElement).value).toBe('Northshire');
  });

  it('navigate() asks too, and Leave goes where you were going', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/settings';
    await settle();
    render(<Form />);
    await user.type(screen.getByLabelText('Partnership name'), 'N');
    navigate('/documents');
    await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(screen.getByRole('button', { name: 'Leave and lose changes' }));
    await waitFor(() => expect(hash()).toBe('#/documents'));
  });

  it('Back (a hash change nobody clicked) is put back and asked about', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/settings';
    await settle();
    render(<Form />);
    await user.type(screen.getByLabelText('Partnership name'), 'N');
    window.location.hash = '#/meetings';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByRole('dialog', { name: 'Leave without saving?' });
    expect(hash()).toBe('#/settings');
  });

  it('reload and window close are asked about (beforeunload), also for forms that keep their own draft', async () => {
    const user = userEvent.setup();
    render(<Form inApp={false} />);
    await user.type(screen.getByLabelText('Partnership name'), 'N');
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    // A form that keeps its draft in session storage does not stop in-app navigation.
    navigate('/partners');
    await settle();
    expect(hash()).toBe('#/partners');
  });
});

describe('typed routes', () => {
  it('every path the `to` helpers build parses back to the place it names', () => {
    expect(parseRoute(to.person(12, 'edit'))).toEqual({ area: 'partners', view: 'people', id: 12, mode: 'edit' });
    expect(parseRoute(to.organisation('new'))).toEqual({ area: 'partners', view: 'organisations', id: 'new', mode: null });
    expect(parseRoute(to.meeting(3, 'minutes'))).toEqual({ area: 'meetings', view: 'meeting', id: 3, tab: 'minutes' });
    expect(parseRoute(to.editMeeting(3))).toEqual({ area: 'meetings', view: 'edit', id: 3 });
    expect(parseRoute(to.actions(7))).toEqual({ area: 'meetings', view: 'actions', id: 7 });
    expect(parseRoute(to.document(5))).toEqual({ area: 'documents', view: 'document', id: 5 });
    expect(parseRoute(to.template('isa'))).toEqual({ area: 'documents', view: 'template', key: 'isa' });
    expect(parseRoute(to.settings())).toEqual({ area: 'other', section: 'settings', parts: [] });
  });
});
