import type { CreateMessageRequestParams } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { checkSamplingMessages } from '@/lib/sampling/check-sampling-messages';
import { SamplingRefusedError } from '@/lib/sampling/sampling-errors';
import { SamplingRateLimit } from '@/lib/sampling/sampling-rate-limit';

type Messages = CreateMessageRequestParams['messages'];
const use = (id: string) => ({ type: 'tool_use' as const, id, name: 't', input: {} });
const result = (toolUseId: string) => ({ type: 'tool_result' as const, toolUseId, content: [] });
const text = (value: string) => ({ type: 'text' as const, text: value });

function refusal(messages: Messages, extra: Partial<CreateMessageRequestParams> = {}): string {
  try {
    checkSamplingMessages({ messages, ...extra });
  } catch (error) {
    expect(error).toBeInstanceOf(SamplingRefusedError);
    expect((error as SamplingRefusedError).toMcpError().code).toBe(-32602);
    return (error as Error).message;
  }
  return 'accepted';
}

describe('the spec’s tool-use rules for sampling messages', () => {
  it('accepts a balanced history', () => {
    expect(refusal([{ role: 'user', content: text('q') }, { role: 'assistant', content: [text('let me look'), use('a')] }, { role: 'user', content: [result('a')] }])).toBe('accepted');
  });

  it.each<[string, Messages, RegExp]>([
    ['tool_use from the user', [{ role: 'user', content: use('a') }], /tool_use is only allowed from the assistant/],
    ['tool_result from the assistant', [{ role: 'assistant', content: use('a') }, { role: 'assistant', content: result('a') }], /tool_result is only allowed from the user/],
    ['a result mixed with text', [{ role: 'assistant', content: use('a') }, { role: 'user', content: [result('a'), text('and also')] }], /mixes tool results with other content/],
    ['a result for no tool_use', [{ role: 'user', content: result('ghost') }], /answers no open tool_use “ghost”/],
    ['a tool_use left unanswered', [{ role: 'assistant', content: use('a') }, { role: 'assistant', content: text('moving on') }], /“a” got no tool_result/],
    ['a repeated tool_use id', [{ role: 'assistant', content: use('a') }, { role: 'user', content: result('a') }, { role: 'assistant', content: use('a') }], /used twice/],
  ])('refuses %s', (_name, messages, why) => {
    expect(refusal(messages)).toMatch(why);
  });

  it('refuses toolChoice required without tools, and a tool given twice', () => {
    expect(refusal([{ role: 'user', content: text('q') }], { toolChoice: { mode: 'required' } })).toMatch(/required” but no tools/);
    const tool = { name: 'dup', inputSchema: { type: 'object' as const } };
    expect(refusal([{ role: 'user', content: text('q') }], { tools: [tool, tool] })).toMatch(/“dup” is given twice/);
  });
});

describe('the per-connector sampling rate limit', () => {
  it('refuses the request over the limit with a clear error, per connector, and lets one through once the minute has passed', () => {
    let now = 1_000_000;
    const limit = new SamplingRateLimit(3, () => now);
    for (let i = 0; i < 3; i += 1) limit.admit('loop', 'Looper');
    const error = (() => {
      try {
        limit.admit('loop', 'Looper');
      } catch (caught) {
        return caught as SamplingRefusedError;
      }
      throw new Error('the fourth request was let through');
    })();
    expect(error.code).toBe('rate-limited');
    expect(error.message).toBe('Patchbay refused this sampling request: Looper sent more than 3 in a minute. Try again in 60 s.');
    expect(() => limit.admit('other', 'Other')).not.toThrow();
    now += 60_000;
    expect(() => limit.admit('loop', 'Looper')).not.toThrow();
  });
});
