import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CallTool } from '@/lib/chat/run-tool-call';
import { createMcpClient } from '@/lib/mcp/session/create-mcp-client';
import { createFixtureMcpServer, createToolState, type FixtureToolState } from '../../fixtures/mcp-servers/misbehaving-tools';
import { byType, callIdOf, startHarness, until, type Harness } from './engine-harness';

let h: Harness;
let client: Client;
let state: FixtureToolState;

afterEach(async () => {
  await h.close();
  await client.close();
});

/** The engine over a real McpServer (InMemoryTransport), its tools stored on the connector row. */
async function withMcpServer(): Promise<void> {
  state = createToolState();
  const { server } = createFixtureMcpServer(state);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  client = createMcpClient();
  await client.connect(clientSide);
  const { tools } = await client.listTools();
  const callTool: CallTool = async (_connectorId, name, args, { signal }) =>
    (await client.callTool({ name, arguments: args }, undefined, { signal })) as CallToolResult;
  h = await startHarness({ callTool });
  await h.db.connectors.update('conn-1', { tools: tools as never, enabledTools: ['echo', 'write_note', 'slow'] });
}

describe('the engine against a real MCP server', () => {
  it('runs a read-only tool and hands its result to the model', async () => {
    await withMcpServer();
    h.server.script([{ type: 'tool-calls', calls: [{ name: 'Files__echo', arguments: '{"message":"ping"}' }] }, { type: 'text', text: 'pong' }]);
    expect((await h.engine.begin(h.conversationId, { type: 'send', text: 'echo ping' }).done).state).toEqual({ type: 'idle', why: 'answered' });
    expect(JSON.stringify(h.modelRequests()[1]!.messages)).toContain('Echo: ping');
  });

  it('never runs a write tool before approval, and runs it once after', async () => {
    await withMcpServer();
    h.server.script([{ type: 'tool-calls', calls: [{ name: 'Files__write_note', arguments: '{"text":"hi"}' }] }]);
    expect((await h.engine.begin(h.conversationId, { type: 'send', text: 'save hi' }).done).state.type).toBe('awaiting-approval');
    expect(state.writeNoteRuns).toBe(0);
    h.server.script([{ type: 'text', text: 'Saved.' }]);
    await h.engine.begin(h.conversationId, { type: 'decide', callId: callIdOf(await h.lastParts(), 'call_1_0'), decision: 'allow', remembered: false }).done;
    expect(state.writeNoteRuns).toBe(1);
    expect(JSON.stringify(h.modelRequests()[1]!.messages)).toContain('Saved: hi');
  });

  it('cancels a tool call on the server when the run is stopped', async () => {
    await withMcpServer();
    h.server.script([{ type: 'tool-calls', calls: [{ name: 'Files__slow', arguments: '{"steps":50,"stepMs":100}' }] }]);
    const run = h.engine.begin(h.conversationId, { type: 'send', text: 'be slow' }).done;
    await until(async () => {
      const last = (await h.history()).at(-1);
      return last && byType(last.parts, 'tool-call')[0]?.startedAt;
    });
    await h.engine.stop(h.conversationId);
    await run;
    await until(() => state.slowCancellations === 1);
    expect(byType(await h.lastParts(), 'tool-call')[0]!.status).toMatchObject({ reason: { code: 'cancelled' } });
  });
});
