import { describe, expect, it } from 'vitest';
import { MARKDOWN_RESULT_LIMIT, conversationToMarkdown, fence } from '@/lib/chat/conversation-markdown';
import { sampleExport } from './conversation-export-fixture';

const COMPLETE = { type: 'complete' as const };

describe('conversationToMarkdown', () => {
  it('writes title, roles, reasoning, tool call with its approval and result, errors and statuses', () => {
    const md = conversationToMarkdown(sampleExport());
    expect(md.startsWith('# Issues\n')).toBe(true);
    expect(md).toContain('## You\n\nList my issues');
    expect(md).toContain('## Assistant');
    expect(md).toContain('> *Reasoning*\n>\n> The user wants issues.\n> Call the tool.');
    expect(md).not.toContain('<details>');
    const call = md.indexOf('### Tool call: list_issues (conn-gone)');
    expect(call).toBeGreaterThan(0);
    expect(md).toContain('```json\n{\n  "state": "open"\n}\n```');
    // Approval and result sit under their call, in that order.
    const approved = md.indexOf('\nApproved\n');
    const result = md.indexOf('Result:\n\n```json');
    expect(approved).toBeGreaterThan(call);
    expect(result).toBeGreaterThan(approved);
    expect(md).toContain('"count": 2');
    expect(md).toContain('*Incomplete (cancelled): Stopped by the user.*');
    expect(md).toContain('> **Error:** Too many steps.');
    expect(md).toContain('*Tokens: 120 in, 45 out*');
  });

  it('shows raw argsText when args did not parse, and pending or denied approvals', () => {
    const data = sampleExport();
    const parts = data.messages[1]!.parts;
    data.messages[1]!.parts = parts.map((part) => {
      if (part.type === 'tool-call') return { ...part, args: undefined, argsText: '{"state": open' };
      if (part.type === 'approval') return { ...part, decision: 'pending' as const };
      return part;
    });
    const md = conversationToMarkdown(data);
    expect(md).toContain('(not valid JSON):\n\n```\n{"state": open\n```');
    expect(md).toContain('\nPending approval\n');
    data.messages[1]!.parts = data.messages[1]!.parts.map((part) => (part.type === 'approval' ? { ...part, decision: 'deny' as const } : part));
    expect(conversationToMarkdown(data)).toContain('\nDenied\n');
  });

  it('caps a long result and says how large it was', () => {
    const data = sampleExport();
    data.messages[1]!.parts = data.messages[1]!.parts.map((part) =>
      part.type === 'tool-result' ? { ...part, result: { text: 'x'.repeat(50_000) } as never, sizeBytes: 50_020 } : part,
    );
    const md = conversationToMarkdown(data);
    expect(md).toMatch(new RegExp(`showing ${MARKDOWN_RESULT_LIMIT} of 50\\d{3} characters \\(50020 bytes in full\\)`));
    expect(md.length).toBeLessThan(25_000);
  });

  it('uses a longer fence when the content contains backticks', () => {
    expect(fence('a ``` b ```` c', 'json')).toBe('`````json\na ``` b ```` c\n`````');
    expect(fence('plain', '')).toBe('```\nplain\n```');
    const data = sampleExport();
    data.messages[1]!.parts = data.messages[1]!.parts.map((part) =>
      part.type === 'tool-result' ? { ...part, result: { text: '```\n# not a heading\n```' } as never } : part,
    );
    const md = conversationToMarkdown(data);
    expect(md).toContain('````json\n{\n  "text": "```\\n# not a heading\\n```"\n}\n````');
  });

  it('keeps a result whose call is elsewhere and keeps headings to one line', () => {
    const data = sampleExport();
    data.conversation.title = 'Two\nlines';
    data.messages.push({
      id: 'm2',
      conversationId: 'conv-1',
      seq: 2,
      role: 'tool',
      createdAt: 1_300,
      parts: [{ id: 'p9', type: 'tool-result', status: COMPLETE, callId: 'orphan', result: 'done' as never, isError: true, sizeBytes: 6 }],
    });
    const md = conversationToMarkdown(data);
    expect(md.startsWith('# Two lines\n')).toBe(true);
    expect(md).toContain('## Tool\n\nResult (error):\n\n```json\n"done"\n```');
  });
});
