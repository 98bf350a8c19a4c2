import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RetentionRule } from '../../../shared/privacy/records';
import type { StoreStatus } from '../../../shared/store/status';
import { privacyKeys } from '../../../renderer/src/privacy/queries';
import { CoordinatorInDirectory } from '../../../renderer/src/screens/settings-coordinator';
import { RetentionSettings } from '../../../renderer/src/screens/settings-retention';
import { SecuritySettings } from '../../../renderer/src/screens/settings-security';
import { LeaveGuardHost } from '../../../renderer/src/ui/leave-guard';
import { navigate, stay } from '../../../renderer/src/ui/router';

const status: StoreStatus = {
  state: 'unlocked',
  hasPlainData: false,
  canRemember: false,
  rememberUnavailableReason: null,
  remembered: false,
  idleLockMinutes: 15,
  notices: [],
};

/** A pretend main that records every call and answers the few channels these forms use. */
function fakeMain() {
  let rules: RetentionRule[] = [
    { kind: 'minutes', months: 72, action: 'review', version: 1 },
    { kind: 'archived_people', months: 24, action: 'delete', version: 1 },
  ];
  const calls: { channel: string; payload: Record<string, unknown> }[] = [];
  window.concordat = {
    onMenuCommand: () => () => undefined,
    invoke: async (channel: string, payload: unknown) => {
      const p = payload as Record<string, unknown>;
      calls.push({ channel, payload: p });
      switch (channel) {
        case 'privacy.retention.get':
          return { ok: true, value: rules };
        case 'privacy.retention.update':
          rules = (p.rules as Omit<RetentionRule, 'version'>[]).map((r) => ({ ...r, version: 2 }));
          return { ok: true, value: rules };
        case 'store.status':
        case 'store.changePassphrase':
          return { ok: true, value: status };
        case 'store.newRecoveryKey':
          return { ok: true, value: { recoveryKey: 'ABCD-EFGH' } };
        case 'directory.people.createWithPost':
          return {
            ok: true,
            value: { person: { id: 9, name: p.name }, post: { email: p.email }, contact: null },
          };
        default:
          return { ok: true, value: [] };
      }
    },
  } as unknown as NonNullable<Window['concordat']>;
  return {
    calls: (channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.payload),
    /** The periods change somewhere else (a restore, another window). */
    changeElsewhere: (next: RetentionRule[]) => {
      rules = next;
    },
  };
}

function withClient(children: ReactNode, client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  return (
    <QueryClientProvider client={client}>
      {children}
      <LeaveGuardHost />
    </QueryClientProvider>
  );
}

afterEach(() => {
  stay();
  delete window.concordat;
});

describe('Settings → Retention on the kit form', () => {
  it('shows the contract’s message under the period, saves nothing, then saves the periods as numbers', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    render(withClient(<RetentionSettings />));
    const archived = within(await screen.findByRole('group', { name: 'Archived people' }));
    const months = archived.getByRole('spinbutton', { name: 'Months to keep' });
    expect(months).toHaveProperty('value', '24');
    await user.clear(months);
    await user.type(months, '0');
    await user.click(screen.getByRole('button', { name: 'Save retention periods' }));
    expect(await archived.findByText('Keep for at least 1 month')).toBeTruthy();
    expect(months.getAttribute('aria-invalid')).toBe('true');
    expect(main.calls('privacy.retention.update')).toEqual([]);

    await user.clear(months);
    await user.type(months, '36');
    await user.selectOptions(within(screen.getByRole('group', { name: 'Meeting minutes' })).getByLabelText('Then'), 'delete');
    await user.click(screen.getByRole('button', { name: 'Save retention periods' }));
    expect(await screen.findByText('Retention periods saved.')).toBeTruthy();
    expect(main.calls('privacy.retention.update')).toEqual([
      {
        rules: [
          { kind: 'archived_people', months: 36, action: 'delete' },
          { kind: 'minutes', months: 72, action: 'delete' },
        ],
      },
    ]);
    expect(screen.getByRole('button', { name: 'Save retention periods' })).toHaveProperty('disabled', true);
  });

  it('shows periods changed elsewhere, but not over unsaved typing', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(withClient(<RetentionSettings />, client));
    const minutes = within(await screen.findByRole('group', { name: 'Meeting minutes' })).getByRole('spinbutton', {
      name: 'Months to keep',
    });
    main.changeElsewhere([
      { kind: 'minutes', months: 96, action: 'review', version: 2 },
      { kind: 'archived_people', months: 24, action: 'delete', version: 1 },
    ]);
    await client.invalidateQueries({ queryKey: privacyKeys.retention });
    await waitFor(() => expect(minutes).toHaveProperty('value', '96'));

    await user.clear(minutes);
    await user.type(minutes, '60');
    main.changeElsewhere([
      { kind: 'minutes', months: 120, action: 'review', version: 3 },
      { kind: 'archived_people', months: 24, action: 'delete', version: 1 },
    ]);
    await client.invalidateQueries({ queryKey: privacyKeys.retention });
    await waitFor(() => expect(main.calls('privacy.retention.get')).toHaveLength(3));
    expect(minutes).toHaveProperty('value', '60');
  });

  it('asks before leaving with an unsaved period', async () => {
    fakeMain();
    const user = userEvent.setup();
    window.location.hash = '#/settings';
    render(withClient(<RetentionSettings />));
    const months = within(await screen.findByRole('group', { name: 'Meeting minutes' })).getByRole('spinbutton', {
      name: 'Months to keep',
    });
    await user.type(months, '0');
    navigate('/partners');
    expect(await screen.findByRole('dialog', { name: 'Leave without saving?' })).toBeTruthy();
    expect(window.location.hash).toBe('#/settings');
  });
});

describe('Settings → Security on the kit form', () => {
  it('change passphrase: each field shows its own message, and only current and next reach main', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    render(withClient(<SecuritySettings />));
    const form = within(await screen.findByRole('form', { name: 'Change passphrase' }));
    await user.type(form.getByLabelText(/^New passphrase/), 'short');
    await user.type(form.getByLabelText(/^Type the new passphrase again/), 'shorter');
    await user.click(form.getByRole('button', { name: 'Change passphrase' }));
    expect(await form.findByText('Enter your passphrase or recovery key')).toBeTruthy();
    expect(form.getByText('Use at least 10 characters')).toBeTruthy();
    expect(form.getByText('The two passphrases are not the same. Type it again in both boxes.')).toBeTruthy();
    expect(main.calls('store.changePassphrase')).toEqual([]);

    await user.type(form.getByLabelText(/^Current passphrase/), 'lantern orchid gravel tuesday');
    await user.clear(form.getByLabelText(/^New passphrase/));
    await user.type(form.getByLabelText(/^New passphrase/), 'harbour violet kettle number');
    await user.clear(form.getByLabelText(/^Type the new passphrase again/));
    await user.type(form.getByLabelText(/^Type the new passphrase again/), 'harbour violet kettle number');
    await user.click(form.getByRole('button', { name: 'Change passphrase' }));
    expect(await form.findByText(/Passphrase changed/)).toBeTruthy();
    expect(main.calls('store.changePassphrase')).toEqual([
      { current: 'lantern orchid gravel tuesday', next: 'harbour violet kettle number' },
    ]);
    expect(form.getByLabelText(/^Current passphrase/)).toHaveProperty('value', '');
  });

  it('new recovery key: an empty box says what to enter instead of sending nothing', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    render(withClient(<SecuritySettings />));
    const form = within(await screen.findByRole('form', { name: 'New recovery key' }));
    await user.click(form.getByRole('button', { name: 'Make a new recovery key' }));
    expect(await form.findByText('Enter your passphrase or recovery key')).toBeTruthy();
    expect(main.calls('store.newRecoveryKey')).toEqual([]);
    await user.type(form.getByLabelText(/^Current passphrase or recovery key/), 'lantern orchid gravel tuesday');
    await user.click(form.getByRole('button', { name: 'Make a new recovery key' }));
    expect(await screen.findByRole('heading', { name: 'Your new recovery key' })).toBeTruthy();
    expect(main.calls('store.newRecoveryKey')).toEqual([{ current: 'lantern orchid gravel tuesday' }]);
  });
});

describe('Settings → adding the coordinator to the directory', () => {
  it('needs the organisation, then sends the typed name and email with the post', async () => {
    const main = fakeMain();
    const user = userEvent.setup();
    const chosen: unknown[] = [];
    render(
      withClient(
        <CoordinatorInDirectory
          personId={null}
          typedName=" Sam Taylor "
          typedEmail="sam.taylor@northshire.gov.example"
          onChoose={(p) => chosen.push(p)}
        />,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Not in the directory? Add them' }));
    await user.click(screen.getByRole('button', { name: 'Add Sam Taylor to the directory' }));
    expect(await screen.findByText('Enter the coordinator’s organisation')).toBeTruthy();
    expect(main.calls('directory.people.createWithPost')).toEqual([]);

    await user.type(screen.getByLabelText(/^Coordinator's organisation/), ' Northshire County Council ');
    await user.type(screen.getByLabelText(/^Coordinator's job title/), 'Partnership coordinator');
    await user.click(screen.getByRole('button', { name: 'Add Sam Taylor to the directory' }));
    await waitFor(() => expect(chosen).toHaveLength(1));
    expect(main.calls('directory.people.createWithPost')).toEqual([
      {
        name: 'Sam Taylor',
        email: 'sam.taylor@northshire.gov.example',
        organisationName: 'Northshire County Council',
        jobTitle: 'Partnership coordinator',
        phone: '',
      },
    ]);
    expect(chosen[0]).toEqual({ id: 9, name: 'Sam Taylor', email: 'sam.taylor@northshire.gov.example' });
    expect(screen.queryByLabelText(/^Coordinator's organisation/)).toBeNull();
  });
});
