import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { PickerItem, PickerSource } from '../../../renderer/src/ui/directory-picker';
import { DirectoryPicker } from '../../../renderer/src/ui/directory-picker';

const PEOPLE: PickerItem[] = [
  { id: 1, name: 'Asha Patel', detail: 'Detective Inspector, Northshire Police' },
  { id: 2, name: 'Ben Okafor', detail: 'Safeguarding Lead, Northshire Council' },
];
const source: PickerSource = {
  noun: 'people',
  key: ['test', 'people'],
  search: async (q) => PEOPLE.filter((p) => p.name.toLowerCase().includes(q.toLowerCase())),
};

function Harness({ clearOnPick = false }: { clearOnPick?: boolean }) {
  const [picked, setPicked] = useState<PickerItem[]>([]);
  return (
    <QueryClientProvider client={new QueryClient()}>
      <DirectoryPicker
        label="Owner"
        source={source}
        value={clearOnPick ? null : (picked.at(-1) ?? null)}
        clearOnPick={clearOnPick}
        exclude={clearOnPick ? picked.map((p) => p.id) : []}
        onPick={(p) => setPicked((all) => (p ? [...all, p] : all))}
      />
      <output aria-label="Picked">{picked.map((p) => p.name).join('; ')}</output>
    </QueryClientProvider>
  );
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

/** Type into the Owner box, wait for the option, choose it with the keyboard; the box. */
async function choose(user: ReturnType<typeof userEvent.setup>, text: string, option: RegExp) {
  const box = screen.getByRole('combobox', { name: 'Owner' });
  await user.click(box);
  await user.type(box, text);
  await waitFor(() => expect(screen.getByRole('option', { name: option })).toBeTruthy());
  await user.keyboard('{ArrowDown}{Enter}');
  await nextFrame();
  return box;
}

describe('DirectoryPicker', () => {
  it('is a combobox: type, arrow down, Enter picks, and focus stays in the box', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = await choose(user, 'ash', /Asha Patel/);
    expect(screen.getByRole('status', { name: 'Picked' }).textContent ?? screen.getByLabelText('Picked').textContent).toBe(
      'Asha Patel',
    );
    expect(document.activeElement).toBe(box);
    expect((box as HTMLInputElement).value).toBe('Asha Patel');
  });

  it('as an "add another" box it empties after each pick, leaves out what is chosen, and keeps focus', async () => {
    const user = userEvent.setup();
    render(<Harness clearOnPick />);
    const box = screen.getByRole('combobox', { name: 'Owner' });
    await user.click(box);
    await user.type(box, 'a');
    await waitFor(() => expect(screen.getAllByRole('option').length).toBe(2));
    await user.keyboard('{ArrowDown}{Enter}');
    await nextFrame();
    expect(document.activeElement).toBe(box);
    expect((box as HTMLInputElement).value).toBe('');
    await user.type(box, 'a');
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringMatching(/Ben Okafor/)]),
    );
    await user.keyboard('{ArrowDown}{Enter}');
    await nextFrame();
    expect(screen.getByLabelText('Picked').textContent).toBe('Asha Patel; Ben Okafor');
    expect(document.activeElement).toBe(box);
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Owner' });
    await user.click(box);
    await user.type(box, 'zzz');
    await waitFor(() => expect(screen.getByText('No one matches. Add people in Partners.')).toBeTruthy());
  });
});

describe('DirectoryPicker option list', () => {
  // Each search makes fresh objects, as the real sources do (they map the directory's rows).
  let searches = 0;
  const fresh: PickerSource = {
    noun: 'people',
    key: ['test', 'fresh'],
    search: async (q) => {
      searches++;
      return PEOPLE.filter((p) => p.name.toLowerCase().includes(q.toLowerCase())).map((p) => ({ ...p }));
    },
  };
  function Busy({ client, tick }: { client: QueryClient; tick: number }) {
    return (
      <QueryClientProvider client={client}>
        <p>Render {tick}</p>
        {/* A new exclude array and a new onPick on every render, as screens pass them. */}
        <DirectoryPicker label="Person" source={fresh} value={null} exclude={[]} onPick={() => undefined} />
      </QueryClientProvider>
    );
  }

  it('keeps the same option nodes when the screen re-renders or the same results come back', async () => {
    const user = userEvent.setup();
    const client = new QueryClient();
    const view = render(<Busy client={client} tick={0} />);
    const box = screen.getByRole('combobox', { name: 'Person' });
    await user.click(box);
    await user.type(box, 'a');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    const before = screen.getAllByRole('option');
    const seen = searches;

    // The screen around the picker re-renders (a timer, a query elsewhere): the options stay put.
    view.rerender(<Busy client={client} tick={1} />);
    view.rerender(<Busy client={client} tick={2} />);
    await nextFrame();
    const afterRender = screen.getAllByRole('option');
    afterRender.forEach((node, i) => expect(node).toBe(before[i]));

    // The same search answered again with equal (but new) objects: still the same nodes.
    await client.invalidateQueries({ queryKey: ['test', 'fresh'] });
    await waitFor(() => expect(searches).toBeGreaterThan(seen));
    await nextFrame();
    screen.getAllByRole('option').forEach((node, i) => expect(node).toBe(before[i]));
  });
});

it('while a new search runs, shows only the earlier results that still match, never a list about to be swapped', async () => {
  const user = userEvent.setup();
  const waiting: (() => void)[] = [];
  const slow: PickerSource = {
    noun: 'people',
    key: ['test', 'slow'],
    search: (q) =>
      q === ''
        ? Promise.resolve(PEOPLE.map((p) => ({ ...p })))
        : new Promise((resolve) => {
            waiting.push(() => resolve(PEOPLE.filter((p) => p.name.toLowerCase().includes(q))));
          }),
  };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <DirectoryPicker label="Person" source={slow} value={null} onPick={() => undefined} />
    </QueryClientProvider>,
  );
  const box = screen.getByRole('combobox', { name: 'Person' });
  await user.click(box);
  await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
  await user.type(box, 'ben');
  // The search for "ben" has not answered: Asha is not left on screen to be clicked and then vanish.
  await waitFor(() =>
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringMatching(/^Ben Okafor/)]),
  );
  waiting.forEach((answer) => answer());
  await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
});

describe('DirectoryPicker list placement', () => {
  // Where the box is in the window, as the browser would measure it (jsdom lays nothing out).
  const placeBox = (box: HTMLElement, top: number) => {
    box.getBoundingClientRect = () =>
      ({ top, bottom: top + 38, left: 0, right: 400, width: 400, height: 38, x: 0, y: top }) as DOMRect;
  };
  const popover = () => document.querySelector('.picker-popover');

  it('opens the list above a box at the foot of the window, where below it would have no room', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Owner' });
    placeBox(box, window.innerHeight - 40);
    await user.click(box);
    await user.type(box, 'a');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    expect(popover()?.getAttribute('data-placement')).toBe('top');
  });

  it('opens the list below a box with room under it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Owner' });
    placeBox(box, 100);
    await user.click(box);
    await user.type(box, 'a');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    expect(popover()?.getAttribute('data-placement')).toBe('bottom');
  });
});

// jsdom runs every handler of a key press in one React update, where Chromium may apply one
// handler's update before the next runs; the training e2e checks Escape in the browser as well.
describe('DirectoryPicker Escape', () => {
  it('Escape closes the list and puts back the name chosen, without reopening it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = await choose(user, 'ash', /Asha Patel/);
    await user.type(box, 'xyz');
    await waitFor(() => expect(screen.getByRole('listbox')).toBeTruthy());
    await user.keyboard('{Escape}');
    await nextFrame();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((box as HTMLInputElement).value).toBe('Asha Patel');
    expect(screen.getByLabelText('Picked').textContent).toBe('Asha Patel');
    expect(document.activeElement).toBe(box);
  });

  it('Escape on an "add another" box closes the list and empties the box', async () => {
    const user = userEvent.setup();
    render(<Harness clearOnPick />);
    const box = screen.getByRole('combobox', { name: 'Owner' });
    await user.click(box);
    await user.type(box, 'be');
    await waitFor(() => expect(screen.getByRole('option', { name: /Ben Okafor/ })).toBeTruthy());
    await user.keyboard('{Escape}');
    await nextFrame();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText('Picked').textContent).toBe('');
  });

  it('Escape on a box with nothing chosen closes the list and empties it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Owner' });
    await user.click(box);
    await user.type(box, 'be');
    await waitFor(() => expect(screen.getByRole('option', { name: /Ben Okafor/ })).toBeTruthy());
    await user.keyboard('{Escape}');
    await nextFrame();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('leaving the box keeps what was typed but not chosen', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Harness />
        <button type="button">Elsewhere</button>
      </>,
    );
    const box = screen.getByRole('combobox', { name: 'Owner' });
    // Found before the list opens: while it is open, the rest of the page is hidden from the tree.
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    await user.click(box);
    await user.type(box, 'Carla New');
    await user.click(elsewhere);
    await nextFrame();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((box as HTMLInputElement).value).toBe('Carla New');
  });
});

describe('DirectoryPicker text put back from outside', () => {
  it('a choice cleared while the box has focus (a form saved with Enter) empties it and does not open the list', async () => {
    function Saved() {
      const [picked, setPicked] = useState<PickerItem | null>(null);
      const [saved, setSaved] = useState('');
      return (
        <QueryClientProvider client={new QueryClient()}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setSaved(picked?.name ?? 'nothing');
              setPicked(null);
            }}
          >
            <DirectoryPicker label="Owner" source={source} value={picked} onPick={setPicked} />
            <button type="submit">Save</button>
          </form>
          <output aria-label="Saved">{saved}</output>
        </QueryClientProvider>
      );
    }
    const user = userEvent.setup();
    render(<Saved />);
    const box = await choose(user, 'ash', /Asha Patel/);
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.keyboard('{Enter}');
    await nextFrame();
    expect(screen.getByLabelText('Saved').textContent).toBe('Asha Patel');
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(box);
    // Typing opens it again as usual.
    await user.type(box, 'b');
    await waitFor(() => expect(screen.getByRole('option', { name: /Ben Okafor/ })).toBeTruthy());
  });

  it('a choice made elsewhere (as a form fills an owner’s organisation) shows in the box, and the list still opens on focus', async () => {
    function Elsewhere() {
      const [picked, setPicked] = useState<PickerItem | null>(null);
      return (
        <QueryClientProvider client={new QueryClient()}>
          <DirectoryPicker label="Owner" source={source} value={picked} onPick={setPicked} />
          <button type="button" onClick={() => setPicked(PEOPLE[1]!)}>
            Choose Ben
          </button>
        </QueryClientProvider>
      );
    }
    const user = userEvent.setup();
    render(<Elsewhere />);
    await user.click(screen.getByRole('button', { name: 'Choose Ben' }));
    const box = screen.getByRole('combobox', { name: 'Owner' });
    expect((box as HTMLInputElement).value).toBe('Ben Okafor');
    await user.click(box);
    await waitFor(() => expect(screen.getByRole('option', { name: /Ben Okafor/ })).toBeTruthy());
  });

  it('a scroll of the page behind, which shuts the list, keeps what was typed and shows the list again', async () => {
    const user = userEvent.setup();
    render(
      <div data-testid="page">
        <Harness />
      </div>,
    );
    const box = screen.getByRole('combobox', { name: 'Owner' });
    await user.click(box);
    await user.type(box, 'be');
    await waitFor(() => expect(screen.getByRole('option', { name: /Ben Okafor/ })).toBeTruthy());
    fireEvent.scroll(screen.getByTestId('page'));
    await nextFrame();
    expect((box as HTMLInputElement).value).toBe('be');
    await user.click(await screen.findByRole('option', { name: /Ben Okafor/ }));
    expect(screen.getByLabelText('Picked').textContent).toBe('Ben Okafor');
  });
});
