import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startElicitationServer, type ElicitationServer } from '../fixtures/mcp-servers/elicitation-server';
import { HubHarness } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

// A real SDK McpServer over real HTTP asks the product client mid-call; nobody is there to answer.
describe('a server request during a call', () => {
  let server: ElicitationServer;
  let harness: HubHarness;
  let id: string;

  beforeEach(async () => {
    server = await startElicitationServer();
    harness = await HubHarness.create();
    id = await harness.add('Asker', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  it('answers a form elicitation inside a read-only call with decline, never accept', async () => {
    const result = await harness.hub.callTool(id, 'ask_form', {}, {});
    expect(textOf(result)).toBe('The client answered decline.');
    expect(server.answers).toEqual([{ action: 'decline' }]);
  });

  it('never accepts, however often the server asks', async () => {
    for (let i = 0; i < 3; i += 1) await harness.hub.callTool(id, 'ask_form', {}, {});
    expect(server.answers).toHaveLength(3);
    expect(server.answers.every((answer) => 'action' in answer && answer.action === 'decline' && !('content' in answer))).toBe(true);
  });
});
