import { describe, expect, it } from 'vitest';
import { stdioBridgeCommand, SERVER_EXAMPLES } from '@/lib/contract/first-run-examples';
import { firstPrompts } from '@/components/chat/turns/first-prompts';
import { lastTurnActions } from '@/components/chat/turns/last-turn';
import type { MessageRow } from '@/lib/db/rows';
import { connectorRow } from '../chat/engine-harness';

const COMPLETE = { type: 'complete' as const };
const message = (id: string, role: MessageRow['role'], text: string, extra: Partial<MessageRow> = {}): MessageRow => ({
  id, conversationId: 'c', seq: 0, role, createdAt: 0, parts: [{ id: `${id}-t`, type: 'text', text, status: COMPLETE }], ...extra,
});

describe('the stdio bridge command', () => {
  it('wraps the user’s command for supergateway on Streamable HTTP, port 8000', () => {
    expect(stdioBridgeCommand('uvx mcp-server-git')).toBe('npx -y supergateway --stdio "uvx mcp-server-git" --outputTransport streamableHttp --port 8000');
  });
  it('escapes what would end the double quotes or expand in the shell', () => {
    expect(stdioBridgeCommand('run "a" $HOME `x` \\')).toBe('npx -y supergateway --stdio "run \\"a\\" \\$HOME \\`x\\` \\\\" --outputTransport streamableHttp --port 8000');
  });
  it('names a placeholder when nothing is typed', () => {
    expect(stdioBridgeCommand('  ')).toContain('--stdio "your stdio command"');
  });
  it('the examples are one local server with its start command and one remote one without', () => {
    expect(SERVER_EXAMPLES.map((e) => [new URL(e.url).protocol, e.command !== undefined])).toEqual([['http:', true], ['https:', false]]);
  });
});

describe('first prompts from the connectors’ own tools', () => {
  it('uses only enabled read-only tools, at most three, with a short first sentence', () => {
    const row = connectorRow();
    row.tools = [
      { name: 'write_file', description: 'Writes.', inputSchema: { type: 'object' } },
      { name: 'read_file', description: 'Reads a file from disk. Very long second sentence.', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } },
      { name: 'hidden', description: 'Off.', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } },
      ...['a', 'b', 'c'].map((name) => ({ name, description: 'x'.repeat(200), inputSchema: { type: 'object' as const }, annotations: { readOnlyHint: true } })),
    ];
    row.enabledTools = ['write_file', 'read_file', 'a', 'b', 'c'];
    const prompts = firstPrompts([row]);
    expect(prompts.map((p) => p.label)).toEqual(['Try read_file', 'Try a', 'Try b']);
    expect(prompts[0]!.text).toBe(`Use the read_file tool of ${row.label} (Reads a file from disk) and show me what it returns.`);
    expect(prompts[1]!.text.length).toBeLessThan(200);
  });
  it('suggests nothing when no tool says it only reads', () => {
    expect(firstPrompts([connectorRow()].map((row) => ({ ...row, tools: row.tools.map((t) => ({ ...t, annotations: undefined })) })))).toEqual([]);
  });
});

describe('which messages offer Edit and Regenerate', () => {
  it('Edit on the last user message, Regenerate on a finished last answer', () => {
    const actions = lastTurnActions([message('u1', 'user', 'first'), message('a1', 'assistant', 'one'), message('u2', 'user', 'second'), message('a2', 'assistant', 'two')]);
    expect(actions).toEqual({ u2: { kind: 'edit', text: 'second' }, a2: { kind: 'regenerate', text: '' } });
  });
  it('no Regenerate while an answer waits for approval or was cut', () => {
    const pending = message('a', 'assistant', '', {
      parts: [{ id: 'ap', type: 'approval', callId: 'c1', decision: 'pending', status: { type: 'requires-action' } } as never],
    });
    expect(lastTurnActions([message('u', 'user', 'q'), pending])).toEqual({ u: { kind: 'edit', text: 'q' } });
    const cut = message('a', 'assistant', 'half', { parts: [{ id: 't', type: 'text', text: 'half', status: { type: 'incomplete', reason: { code: 'cancelled', message: 'Stopped.' } } } as never] });
    expect(lastTurnActions([message('u', 'user', 'q'), cut])).toEqual({ u: { kind: 'edit', text: 'q' } });
  });
});
