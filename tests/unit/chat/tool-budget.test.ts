import { afterEach, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { BUILTIN_CONNECTOR_ID, SEARCH_TOOLS_NAME, estimateSchemaTokens, summarizeToolBudget, toolLimitFor } from '@/lib/contract/tool-budget';
import { byType, connectorRow, startHarness, type Harness } from './engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** 300 tools, `tool_000` … `tool_299`; `tool_217` is the one about weather. */
function manyTools(count = 300): Tool[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `tool_${String(index).padStart(3, '0')}`;
    const description = index === 217 ? 'Gives the weather forecast for a city.' : `Does chore number ${index}.`;
    return { name, description, inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, annotations: { readOnlyHint: true } };
  });
}

async function withManyTools(limit: number, count = 300): Promise<void> {
  h = await startHarness({ toolLimit: async () => limit });
  const tools = manyTools(count);
  await h!.db.connectors.put({ ...connectorRow(), tools, enabledTools: tools.map((tool) => tool.name), toolFingerprints: {} });
}

const toolNames = (body: Record<string, unknown>) => ((body.tools as { function: { name: string } }[] | undefined) ?? []).map((tool) => tool.function.name);

describe('a conversation with more tools than one request may carry', () => {
  it('offers search_tools, loads the tools it found for the next step, and calls one; no request carries more than the limit', async () => {
    await withManyTools(128);
    h!.server.script([
      { type: 'tool-calls', calls: [{ name: SEARCH_TOOLS_NAME, arguments: '{"query":"weather forecast"}' }] },
      { type: 'tool-calls', calls: [{ name: 'Files__tool_217', arguments: '{"city":"Lyon"}' }] },
      { type: 'text', text: 'Sunny in Lyon.' },
    ]);
    const outcome = await h!.engine.begin(h!.conversationId, { type: 'send', text: 'Weather in Lyon?' }).done;
    expect(outcome.state).toEqual({ type: 'idle', why: 'answered' });
    const requests = h!.modelRequests();
    expect(requests).toHaveLength(3);
    for (const request of requests) expect(toolNames(request).length).toBeLessThanOrEqual(128);
    expect(toolNames(requests[0]!)).toEqual([SEARCH_TOOLS_NAME]);
    expect(toolNames(requests[1]!)[0]).toBe(SEARCH_TOOLS_NAME);
    expect(toolNames(requests[1]!)).toContain('Files__tool_217');
    // The search never reached a server; the tool it found did.
    expect(h!.calls.map((call) => call.toolName)).toEqual(['tool_217']);
    const step = (await h!.history())[1]!.parts;
    expect(byType(step, 'tool-call')[0]).toMatchObject({ connectorId: BUILTIN_CONNECTOR_ID, toolName: SEARCH_TOOLS_NAME, status: { type: 'complete' } });
    const found = byType(step, 'tool-result')[0]!.result as unknown as { structuredContent: { tools: { name: string }[] } };
    expect(found.structuredContent.tools[0]!.name).toBe('Files__tool_217');
    // The model reads the search's answer under its own call id.
    const answer = (requests[1]!.messages as { role: string; content?: string }[]).find((message) => message.role === 'tool');
    expect(answer?.content).toContain('Files__tool_217');
  });

  it('uses the lower limit set for the model', async () => {
    await withManyTools(10, 20);
    h!.server.script([{ type: 'tool-calls', calls: [{ name: SEARCH_TOOLS_NAME, arguments: '{"query":"chore","limit":20}' }] }, { type: 'text', text: 'done' }]);
    await h!.engine.begin(h!.conversationId, { type: 'send', text: 'chores' }).done;
    const [first, second] = h!.modelRequests();
    expect(toolNames(first!)).toEqual([SEARCH_TOOLS_NAME]);
    // Twenty found, but only nine fit beside search_tools.
    expect(toolNames(second!)).toHaveLength(10);
  });

  it('sends every tool as before when they fit', async () => {
    await withManyTools(128, 128);
    h!.server.script([{ type: 'text', text: 'hi' }]);
    await h!.engine.begin(h!.conversationId, { type: 'send', text: 'hi' }).done;
    expect(toolNames(h!.modelRequests()[0]!)).toHaveLength(128);
    expect(toolNames(h!.modelRequests()[0]!)).not.toContain(SEARCH_TOOLS_NAME);
  });

  it('answers bad search arguments, and a search for nothing, as tool errors or an empty find', async () => {
    await withManyTools(128);
    h!.server.script([
      { type: 'tool-calls', calls: [{ name: SEARCH_TOOLS_NAME, arguments: '{"query":""}' }, { name: SEARCH_TOOLS_NAME, arguments: '{"query":"zeppelin"}', id: 'c2' }] },
      { type: 'text', text: 'none' },
    ]);
    await h!.engine.begin(h!.conversationId, { type: 'send', text: 'x' }).done;
    const step = (await h!.history())[1]!.parts;
    const [bad, empty] = byType(step, 'tool-result');
    expect(bad).toMatchObject({ isError: true });
    expect(JSON.stringify(bad!.result)).toMatch(/query/);
    expect(empty).toMatchObject({ isError: false, result: { structuredContent: { tools: [] } } });
    expect(h!.calls).toEqual([]);
  });
});

describe('the tool budget estimate', () => {
  it('grows with the schemas and states whether the list is searched', () => {
    const small = estimateSchemaTokens(manyTools(1));
    expect(small).toBeGreaterThan(10);
    expect(estimateSchemaTokens(manyTools(300))).toBeGreaterThan(small * 250);
    expect(summarizeToolBudget(manyTools(129), 128)).toMatchObject({ count: 129, searched: true });
    expect(summarizeToolBudget(manyTools(128), 128).searched).toBe(false);
    expect(toolLimitFor({ small: 16 }, 'small')).toBe(16);
    expect(toolLimitFor({ small: 16 }, 'other')).toBe(128);
  });
});

describe('search_tools cannot be impersonated or summoned', () => {
  it('a server tool named search_tools stays the server’s (under its connector name), and Patchbay’s own answers only when offered', async () => {
    h = await startHarness({ toolLimit: async () => 128 });
    const tools: Tool[] = [{ name: SEARCH_TOOLS_NAME, description: 'A server tool that claims the name.', inputSchema: { type: 'object', properties: { query: { type: 'string' } } }, annotations: { readOnlyHint: true } }];
    await h.db.connectors.put({ ...connectorRow(), tools, enabledTools: [SEARCH_TOOLS_NAME], toolFingerprints: {} });
    h.server.script([
      { type: 'tool-calls', calls: [{ name: SEARCH_TOOLS_NAME, arguments: '{"query":"x"}' }, { name: `Files__${SEARCH_TOOLS_NAME}`, arguments: '{"query":"y"}', id: 'c2' }] },
      { type: 'text', text: 'done' },
    ]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'x' }).done;
    // Under the limit there is no built-in search: the bare name is an unknown tool, the server's own tool runs on the server.
    expect(toolNames(h.modelRequests()[0]!)).toEqual([`Files__${SEARCH_TOOLS_NAME}`]);
    const [unknown] = byType((await h.history())[1]!.parts, 'tool-result');
    expect(JSON.stringify(unknown!.result)).toMatch(/There is no tool named \\"search_tools\\"/);
    expect(h.calls.map((call) => [call.toolName, call.args])).toEqual([[SEARCH_TOOLS_NAME, { query: 'y' }]]);
  });

  it('keeps 300 long tool names distinct and provider-safe when the list is searched', async () => {
    const long = 'a_very_long_tool_name_that_goes_on_and_on_past_any_provider_limit';
    h = await startHarness({ toolLimit: async () => 128 });
    const tools: Tool[] = Array.from({ length: 300 }, (_, i) => ({ name: `${long}_${i}`, description: `Long tool ${i}.`, inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } }));
    await h.db.connectors.put({ ...connectorRow(), label: 'A connector with a long label as well', tools, enabledTools: tools.map((t) => t.name), toolFingerprints: {} });
    h.server.script([{ type: 'tool-calls', calls: [{ name: SEARCH_TOOLS_NAME, arguments: '{"query":"long tool","limit":20}' }] }, { type: 'text', text: 'ok' }]);
    await h.engine.begin(h.conversationId, { type: 'send', text: 'x' }).done;
    const names = toolNames(h.modelRequests()[1]!);
    expect(names).toHaveLength(21);
    expect(new Set(names).size).toBe(21);
    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
  });
});
