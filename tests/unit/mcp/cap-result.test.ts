import { describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { capToolResult } from '@/lib/mcp/session/cap-result';
import { formatBytes } from '@/lib/contract/format-bytes';

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
const text = (t: string) => ({ type: 'text' as const, text: t });

describe('capToolResult', () => {
  it('returns a small result as it is', () => {
    const result: CallToolResult = { content: [text('hello')] };
    expect(capToolResult(result, 1_000)).toEqual({ result, totalBytes: bytesOf(result), truncated: false });
    expect(capToolResult(result, 1_000).result).toBe(result);
  });

  it('cuts a large text, states the full size, and leaves the original whole', () => {
    const whole = 'x'.repeat(3 * 1024 * 1024);
    const result: CallToolResult = { content: [text(whole)] };
    const capped = capToolResult(result, 1_000);
    expect(capped.truncated).toBe(true);
    expect(capped.totalBytes).toBe(bytesOf(result));
    const cut = (capped.result.content[0] as { text: string }).text;
    expect(cut.startsWith('x'.repeat(1_000))).toBe(true);
    expect(cut).toContain('[truncated: the full result is 3.0 MB]');
    expect(cut.length).toBeLessThan(1_100);
    expect((result.content[0] as { text: string }).text).toBe(whole);
  });

  it('spends one budget across blocks and omits media that no longer fits', () => {
    const result: CallToolResult = {
      content: [text('a'.repeat(600)), text('b'.repeat(600)), { type: 'image', data: 'A'.repeat(5_000), mimeType: 'image/png' }],
      structuredContent: { rows: 'c'.repeat(5_000) },
    };
    const capped = capToolResult(result, 1_000);
    const [first, second, third] = capped.result.content as { type: string; text?: string }[];
    expect(first!.text).toBe('a'.repeat(600));
    expect(second!.text).toMatch(/^b{400}\n… \[truncated: the full result is /);
    expect(third).toEqual({ type: 'text', text: '[image of 4.9 KB omitted]' });
    expect(capped.result.structuredContent).toBeUndefined();
  });

  it('counts the budget in bytes, not characters, and never splits a character', () => {
    const result: CallToolResult = { content: [text('€'.repeat(10_000) + '😀'.repeat(10))] };
    const cut = (capToolResult(result, 1_000).result.content[0] as { text: string }).text;
    const kept = cut.slice(0, cut.indexOf('\n…'));
    expect(new TextEncoder().encode(kept).length).toBeLessThanOrEqual(1_000);
    expect(kept).toBe('€'.repeat(333));
    const emoji = (capToolResult({ content: [text('😀'.repeat(1_000))] }, 10).result.content[0] as { text: string }).text;
    expect(emoji.startsWith('😀😀\n')).toBe(true);
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB');
  });
});
