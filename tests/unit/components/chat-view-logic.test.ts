import { describe, expect, it } from 'vitest';
import { toolInfo } from '@/components/approvals/tool-info';
import { cutReason, formatDuration } from '@/components/chat/message-state';
import { exportFileName } from '@/lib/chat/export-file-name';
import { nextFirstItemIndex } from '@/components/chat/message-window';
import { formatUsage, usageByTurnEnd } from '@/components/chat/turn-usage';
import type { MessagePart } from '@/lib/db/message-parts';

const usage = (inputTokens: number, outputTokens: number) => ({ inputTokens, outputTokens });

describe('usage per turn', () => {
  it('sums every answer of a turn under its last assistant message', () => {
    const sums = usageByTurnEnd([
      { id: 'u1', role: 'user' },
      { id: 'a1', role: 'assistant', usage: usage(1000, 20) },
      { id: 'a2', role: 'assistant', usage: usage(234, 36) },
      { id: 'u2', role: 'user' },
      { id: 'a3', role: 'assistant' },
      { id: 'u3', role: 'user' },
      { id: 'a4', role: 'assistant', usage: usage(5, 6) },
    ]);
    expect([...sums]).toEqual([
      ['a2', usage(1234, 56)],
      ['a4', usage(5, 6)],
    ]);
    expect(formatUsage(sums.get('a2')!)).toBe('1,234 in · 56 out');
  });
});

describe('first item index of the virtual list', () => {
  it('drops by the number of messages put before the old first one', () => {
    expect(nextFirstItemIndex(1000, 'c', ['a', 'b', 'c', 'd'])).toBe(998);
  });
  it('stays put when messages are appended, or on the first page', () => {
    expect(nextFirstItemIndex(1000, 'a', ['a', 'b', 'c'])).toBe(1000);
    expect(nextFirstItemIndex(1000, undefined, ['a'])).toBe(1000);
    expect(nextFirstItemIndex(1000, 'gone', ['a'])).toBe(1000);
  });
});

const text = (status: MessagePart['status']): MessagePart => ({ id: 'p', type: 'text', text: 'hi', status });

describe('cut answers', () => {
  it('names why the last answer was cut', () => {
    const reason = { code: 'interrupted' as const, message: 'The worker stopped.' };
    expect(cutReason({ role: 'assistant', parts: [text({ type: 'incomplete', reason })] })).toEqual(reason);
    expect(cutReason({ role: 'assistant', parts: [{ id: 'e', type: 'error', code: 'auth', message: 'Bad key', status: { type: 'complete' } }] })).toEqual({
      code: 'error',
      message: 'Bad key',
    });
  });
  it('does not offer Retry for complete answers, denials or user messages', () => {
    expect(cutReason({ role: 'assistant', parts: [text({ type: 'complete' })] })).toBeNull();
    expect(cutReason({ role: 'assistant', parts: [text({ type: 'incomplete', reason: { code: 'denied', message: 'x' } })] })).toBeNull();
    const reason = { code: 'cancelled' as const, message: 'Stopped.' };
    expect(cutReason({ role: 'assistant', parts: [{ ...text({ type: 'incomplete', reason }), kept: true } as MessagePart] })).toBeNull();
    expect(cutReason({ role: 'user', parts: [text({ type: 'incomplete', reason: { code: 'error', message: 'x' } })] })).toBeNull();
  });
});

describe('small formats', () => {
  it('formats durations', () => {
    expect(formatDuration(0, 340)).toBe('340 ms');
    expect(formatDuration(0, 1234)).toBe('1.2 s');
    expect(formatDuration(undefined, 5)).toBeNull();
  });
  it('makes safe file names', () => {
    expect(exportFileName('Weather: Paris / Lyon?', 'json')).toBe('weather-paris-lyon.patchbay.json');
    expect(exportFileName('***', 'markdown')).toBe('conversation.md');
  });
  it('reads a tool description and annotations from the cached list', () => {
    const connector = { tools: [{ name: 'write', description: 'Writes', inputSchema: { type: 'object' as const }, annotations: { destructiveHint: true } }] };
    expect(toolInfo(connector, 'write')).toEqual({ description: 'Writes', annotations: { destructiveHint: true } });
    expect(toolInfo(connector, 'other')).toEqual({});
    expect(toolInfo(undefined, 'write')).toEqual({});
  });
});
