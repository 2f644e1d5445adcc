import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessagePart } from '@/lib/db/message-parts';
import type { MessageRow } from '@/lib/db/rows';
import { DEFAULT_RESULT_BUDGET_BYTES, toModelMessages } from '@/lib/chat/model-input';
import { buildModelTools } from '@/lib/llm/model-tools';
import { connectorRow } from './engine-harness';

const MB = 1024 * 1024;
const tools = buildModelTools([connectorRow()]);
const giant = 'x'.repeat(2 * MB);

/** One assistant step with a read call and its 2 MB result: text, an embedded resource, structured content. */
function step(conversationId: string, index: number): MessageRow {
  const callId = `call_${index}`;
  const result = {
    content: [
      { type: 'text' as const, text: giant },
      { type: 'resource' as const, resource: { uri: `file:///big-${index}.txt`, mimeType: 'text/plain', text: giant } },
      ...Array.from({ length: 2_000 }, (_, i) => ({ type: 'text' as const, text: `line ${i}` })),
    ],
    structuredContent: { rows: Array.from({ length: 5_000 }, (_, i) => ({ i, name: `row ${i}` })) },
  };
  const parts: MessagePart[] = [
    { id: `tc-${index}`, type: 'tool-call', status: { type: 'complete' }, callId, connectorId: 'conn-1', toolName: 'read_file', argsText: '{"path":"a"}', args: { path: 'a' } },
    { id: `tr-${index}`, type: 'tool-result', status: { type: 'complete' }, callId, result, isError: false, sizeBytes: 6 * MB },
  ];
  return { id: `m-${index}`, conversationId, seq: index + 1, role: 'assistant', parts, createdAt: index };
}

function conversation(id: string, steps: number): MessageRow[] {
  const user: MessageRow = { id: `${id}-u`, conversationId: id, seq: 0, role: 'user', parts: [{ id: 'u', type: 'text', text: 'go', status: { type: 'complete' } }], createdAt: 0 };
  return [user, ...Array.from({ length: steps }, (_, i) => step(id, i))];
}

/** Characters JSON.stringify produced while `work` ran: what serialising results costs. */
function serialised(work: () => void): number {
  const original = JSON.stringify;
  let total = 0;
  const spy = vi.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof JSON.stringify>) => {
    const text = original(...args);
    total += text?.length ?? 0;
    return text;
  });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return total;
}

afterEach(() => vi.restoreAllMocks());

describe('the model context over many large results', () => {
  it('builds a request of bounded size from 40 results of 6 MB each, the newest fullest', () => {
    const history = conversation('c-size', 40);
    const messages = toModelMessages(history, tools, DEFAULT_RESULT_BUDGET_BYTES);
    const answers = messages.filter((m) => m.role === 'tool');
    expect(answers).toHaveLength(40);
    const size = JSON.stringify(messages).length;
    // Every old result costs little; the newest get their whole budget within a total.
    expect(size).toBeLessThan(12 * DEFAULT_RESULT_BUDGET_BYTES);
    for (const answer of answers) expect(answer.text.length).toBeLessThanOrEqual(DEFAULT_RESULT_BUDGET_BYTES + 512);
    const newest = answers.at(-1)!.text;
    const oldest = answers[0]!.text;
    expect(newest.length).toBeGreaterThan(DEFAULT_RESULT_BUDGET_BYTES / 2);
    expect(oldest.length).toBeLessThan(newest.length);
    expect(newest).toContain('truncated');
    // What is sent is still JSON data the model can read.
    expect(JSON.parse(newest)).toMatchObject({ content: expect.any(Array) });
  });

  it('does not re-serialise the full results at each step', () => {
    const stepOne = conversation('c-steps', 12);
    const first = serialised(() => toModelMessages(stepOne, tools, DEFAULT_RESULT_BUDGET_BYTES));
    // The history as the next step reads it again from the database: new objects, same rows.
    const stepTwo = [...structuredClone(stepOne), step('c-steps', 12)];
    const second = serialised(() => toModelMessages(stepTwo, tools, DEFAULT_RESULT_BUDGET_BYTES));
    expect(first).toBeLessThan(4 * MB);
    expect(second).toBeLessThan(4 * MB);
    // The copies made at the first step are reused: the second step copies only what is new.
    expect(second).toBeLessThan(first / 4);
  });

  it('answers a stored result of any shape (an imported file may hold anything) without throwing', () => {
    const history = conversation('c-shapes', 1);
    for (const result of [null, 'text', 5, { content: 'not an array' }, { content: [null, 7, { type: 'image', data: giant, mimeType: 'image/png' }] }]) {
      const part = history[1]!.parts[1] as Extract<MessagePart, { type: 'tool-result' }>;
      history[1] = { ...history[1]!, id: `m-${String(Math.random())}`, parts: [history[1]!.parts[0]!, { ...part, result: result as never }] };
      const [, , answer] = toModelMessages(history, tools, DEFAULT_RESULT_BUDGET_BYTES);
      expect(answer!.role).toBe('tool');
      expect((answer as { text: string }).text.length).toBeLessThan(DEFAULT_RESULT_BUDGET_BYTES + 512);
    }
  });
});
