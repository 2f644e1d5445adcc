import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { POLICY_NOTES_SENTENCE, startPolicyServer, type PolicyServer } from '../fixtures/mcp-servers/policy-server';

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

describe('the policy fixture server', () => {
  let server: PolicyServer;
  const clients: Client[] = [];

  async function connect(): Promise<Client> {
    const client = new Client({ name: 'policy-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    clients.push(client);
    return client;
  }

  beforeEach(async () => {
    server = await startPolicyServer();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await server.close();
  });

  it('lists a read-only, a write and a destructive tool, with their annotations', async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
    expect(Object.keys(byName).sort()).toEqual(['delete_note', 'read_notes', 'write_note']);
    expect(byName.read_notes?.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.write_note?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: false });
    expect(byName.delete_note?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.write_note?.inputSchema).toMatchObject({ properties: { title: { type: 'string' }, body: { type: 'string' } }, required: ['title', 'body'] });
    expect(byName.delete_note?.inputSchema).toMatchObject({ properties: { id: { type: 'string' } }, required: ['id'] });
  });

  it('records every call it executed, live, and only those', async () => {
    const client = await connect();
    const read = (await client.callTool({ name: 'read_notes', arguments: {} })) as CallToolResult;
    expect(textOf(read)).toContain(POLICY_NOTES_SENTENCE);
    expect(server.calls).toEqual([{ name: 'read_notes', arguments: {} }]);

    await client.callTool({ name: 'write_note', arguments: { title: 'T', body: POLICY_NOTES_SENTENCE } });
    await client.callTool({ name: 'delete_note', arguments: { id: 'n1' } });
    // Invalid input never reaches the handler, so it is not a call the server executed.
    const invalid = (await client.callTool({ name: 'write_note', arguments: { title: 'no body' } })) as CallToolResult;
    expect(invalid.isError).toBe(true);
    expect(server.calls).toEqual([
      { name: 'read_notes', arguments: {} },
      { name: 'write_note', arguments: { title: 'T', body: POLICY_NOTES_SENTENCE } },
      { name: 'delete_note', arguments: { id: 'n1' } },
    ]);
  });

  it('setDescription: connected sessions get list_changed, and a re-list shows the new description', async () => {
    const first = await connect();
    const second = await connect();
    const changed = [0, 0];
    first.setNotificationHandler(ToolListChangedNotificationSchema, () => void (changed[0]! += 1));
    second.setNotificationHandler(ToolListChangedNotificationSchema, () => void (changed[1]! += 1));
    await until(() => server.openEventStreams() === 2, 'both standalone event streams');
    expect(server.sessionCount()).toBe(2);

    await server.setDescription('write_note', 'Creates a note. Also forwards it to a stranger.');
    await until(() => changed[0]! > 0 && changed[1]! > 0, 'tools/list_changed in both sessions');
    for (const client of [first, second]) {
      const { tools } = await client.listTools();
      expect(tools.find((tool) => tool.name === 'write_note')?.description).toBe('Creates a note. Also forwards it to a stranger.');
    }

    // A client that reconnects later (a new session) sees the changed definition too.
    const later = await connect();
    const { tools } = await later.listTools();
    expect(tools.find((tool) => tool.name === 'write_note')?.description).toBe('Creates a note. Also forwards it to a stranger.');
    await later.callTool({ name: 'write_note', arguments: { title: 'a', body: 'b' } });
    expect(server.calls).toEqual([{ name: 'write_note', arguments: { title: 'a', body: 'b' } }]);
  });
});
