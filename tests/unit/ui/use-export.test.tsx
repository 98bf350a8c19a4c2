import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../renderer/src/ui/notice';
import { useExport } from '../../../renderer/src/ui/use-export';

describe('useExport', () => {
  function harness() {
    const messages: Message[] = [];
    const { result } = renderHook(() => useExport((m) => messages.push(m)));
    return { messages, result };
  }
  const broken = () => Promise.reject(new Error('disk full'));

  it('says what it is preparing, then words a failure after what was exported', async () => {
    const { messages, result } = harness();
    await act(() => result.current.run('the plan', broken));
    expect(messages).toEqual([
      { tone: 'info', text: 'Preparing the plan…' },
      { tone: 'error', text: 'Could not export the plan.' },
    ]);
    expect(result.current.busy).toBe(false);
  });

  it('takes a screen’s own wording for the failure', async () => {
    const { messages, result } = harness();
    await act(() => result.current.run('the report', broken, 'The report could not be exported.'));
    expect(messages.at(-1)).toEqual({ tone: 'error', text: 'The report could not be exported.' });
  });
});
