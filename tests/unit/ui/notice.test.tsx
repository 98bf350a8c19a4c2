import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notice, useMessage } from '../../../renderer/src/ui/notice';

let setFromOutside: (m: { tone: 'error' | 'success' | 'info'; text: string } | null) => void = () => undefined;
function Screen({ recordId }: { recordId: number }) {
  const [message, setMessage] = useMessage(recordId);
  setFromOutside = setMessage;
  return message ? <Notice tone={message.tone}>{message.text}</Notice> : <p>No message</p>;
}

afterEach(() => vi.useRealTimers());

describe('useMessage', () => {
  it('clears a status message when the record changes, and a success message after a while', () => {
    vi.useFakeTimers();
    const view = render(<Screen recordId={1} />);
    act(() => setFromOutside({ tone: 'success', text: 'Agreed as version 1.0.' }));
    expect(screen.getByRole('status').textContent).toBe('Agreed as version 1.0.');
    view.rerender(<Screen recordId={2} />);
    expect(screen.queryByRole('status')).toBeNull();

    act(() => setFromOutside({ tone: 'success', text: 'Saved.' }));
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    act(() => vi.advanceTimersByTime(8_100));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('keeps an error until it is replaced or the record changes', () => {
    vi.useFakeTimers();
    const view = render(<Screen recordId={1} />);
    act(() => setFromOutside({ tone: 'error', text: 'Not saved.' }));
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('alert').textContent).toBe('Not saved.');
    view.rerender(<Screen recordId={3} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
