import { describe, expect, it } from 'vitest';
import { OUTPUT_MISMATCH_META_KEY, outputMismatchOf } from '@/lib/contract/output-check';
import { checkStructuredOutput, withOutputCheck } from '@/lib/mcp/catalog/structured-output';

const tool = { outputSchema: { type: 'object' as const, properties: { celsius: { type: 'number' } }, required: ['celsius'] } };
const text = { type: 'text' as const, text: 'warm' };

describe('structured output against the output schema', () => {
  it('passes a result that matches, and any result of a tool without an output schema', () => {
    expect(checkStructuredOutput(tool, { content: [text], structuredContent: { celsius: 21 } })).toEqual({ ok: true });
    expect(checkStructuredOutput({}, { content: [text], structuredContent: { anything: true } })).toEqual({ ok: true });
    expect(checkStructuredOutput(undefined, { content: [text] })).toEqual({ ok: true });
    const passed = withOutputCheck(tool, { content: [text], structuredContent: { celsius: 21 } });
    expect(passed).toEqual({ content: [text], structuredContent: { celsius: 21 } });
    expect(outputMismatchOf(passed)).toBeNull();
  });

  it('turns a mismatch into a tool error that names the problem first and keeps what the server sent', () => {
    const checked = withOutputCheck(tool, { content: [text], structuredContent: { celsius: 'warm' } });
    expect(checked.isError).toBe(true);
    expect(checked.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/does not match its output schema[\s\S]*celsius/) });
    expect(checked.content[1]).toEqual(text);
    expect(checked.structuredContent).toEqual({ celsius: 'warm' });
    expect(outputMismatchOf(checked)?.problems.join(' ')).toMatch(/celsius/);
  });

  it('counts missing structured content as a mismatch, unless the tool reported an error', () => {
    expect(checkStructuredOutput(tool, { content: [text] })).toMatchObject({ ok: false, problems: [expect.stringMatching(/no structured content/)] });
    expect(checkStructuredOutput(tool, { content: [text], isError: true })).toEqual({ ok: true });
  });

  it('refuses a schema it cannot use instead of passing the result as checked', () => {
    const broken = { outputSchema: { type: 'object' as const, properties: { a: { $ref: '#/nowhere' } } } };
    const check = checkStructuredOutput(broken, { content: [], structuredContent: { a: 1 } });
    expect(check.ok).toBe(false);
  });

  it('removes a mismatch mark a server put in its own _meta, keeping its other _meta', () => {
    const forged = withOutputCheck(tool, { content: [text], structuredContent: { celsius: 1 }, _meta: { [OUTPUT_MISMATCH_META_KEY]: { problems: ['x'] }, other: 1 } });
    expect(outputMismatchOf(forged)).toBeNull();
    expect(forged._meta).toEqual({ other: 1 });
    expect(forged.isError).toBeUndefined();
  });

  it('reads only a well-formed mark from stored data', () => {
    expect(outputMismatchOf(null)).toBeNull();
    expect(outputMismatchOf({ _meta: { [OUTPUT_MISMATCH_META_KEY]: 'yes' } })).toBeNull();
    expect(outputMismatchOf({ _meta: { [OUTPUT_MISMATCH_META_KEY]: { problems: ['a', 3] } } })).toEqual({ problems: ['a'] });
  });
});
