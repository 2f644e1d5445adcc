import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema, type ListToolsResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { ConnectorError } from '@/lib/mcp/session/connector-error';
import { createMcpClient } from '@/lib/mcp/session/create-mcp-client';
import { listAllTools, MAX_TOOL_PAGES } from '@/lib/mcp/catalog/list-all-tools';

const tool = (name: string, description = name): Tool => ({ name, description, inputSchema: { type: 'object' } });

let client: Client | undefined;
afterEach(() => client?.close());

/** A small McpServer whose tools/list answers each cursor from `pages` (undefined = first page). */
async function serve(pages: (cursor: string | undefined) => ListToolsResult): Promise<{ client: Client; cursors: (string | undefined)[] }> {
  const server = new McpServer({ name: 'paged', version: '1.0.0' });
  const cursors: (string | undefined)[] = [];
  server.server.registerCapabilities({ tools: {} });
  server.server.setRequestHandler(ListToolsRequestSchema, (request) => {
    cursors.push(request.params?.cursor);
    return pages(request.params?.cursor);
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  client = createMcpClient();
  await client.connect(clientSide);
  return { client, cursors };
}

describe('listAllTools', () => {
  it('follows nextCursor through every page, in order', async () => {
    const { client, cursors } = await serve((cursor) => {
      const page = Number(cursor ?? 0);
      return page < 2 ? { tools: [tool(`t${page}a`), tool(`t${page}b`)], nextCursor: String(page + 1) } : { tools: [tool('last')] };
    });
    expect((await listAllTools(client)).map((t) => t.name)).toEqual(['t0a', 't0b', 't1a', 't1b', 'last']);
    expect(cursors).toEqual([undefined, '1', '2']);
  });

  it('keeps the first definition of a name that a later page repeats', async () => {
    const { client } = await serve((cursor) => (cursor ? { tools: [tool('dup', 'second'), tool('other')] } : { tools: [tool('dup', 'first')], nextCursor: 'p2' }));
    expect((await listAllTools(client)).map((t) => [t.name, t.description])).toEqual([['dup', 'first'], ['other', 'other']]);
  });

  it('stops with an error when the server repeats a cursor', async () => {
    const { client, cursors } = await serve((cursor) => ({ tools: [tool(`t-${cursor ?? 'start'}`)], nextCursor: cursor === 'b' ? 'a' : cursor === 'a' ? 'b' : 'a' }));
    const error = await listAllTools(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'protocol-error', message: 'tools/list repeated the cursor "a".' });
    expect(cursors).toEqual([undefined, 'a', 'b']);
  });

  it('gives up after MAX_TOOL_PAGES pages of ever-new cursors', async () => {
    const { client, cursors } = await serve((cursor) => ({ tools: [], nextCursor: `${Number(cursor ?? 0) + 1}` }));
    await expect(listAllTools(client)).rejects.toThrow(`still had more pages after ${MAX_TOOL_PAGES}`);
    expect(cursors).toHaveLength(MAX_TOOL_PAGES);
  });
});
