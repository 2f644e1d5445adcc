import type { IncomingMessage, ServerResponse } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { createSessionHost, jsonRpcError, listenOnLoopback } from '../fixtures/mcp-servers/session-host';

/** A running catalog server: many tools, all of them real, none of them doing anything heavy. */
export interface CatalogServer {
  url: string;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type, accept, authorization, mcp-session-id, mcp-protocol-version, last-event-id',
  'access-control-expose-headers': 'mcp-session-id, mcp-protocol-version',
};

const AREAS = ['issues', 'builds', 'deployments', 'alerts', 'invoices', 'tickets', 'documents', 'metrics', 'users', 'releases'];

/** `count` tools with the shapes real servers list: a title, a paragraph of description, a schema, annotations. */
function catalogMcpServer(serverIndex: number, count: number): McpServer {
  const server = new McpServer({ name: `bench-catalog-${serverIndex}`, version: '1.0.0' });
  for (let i = 0; i < count; i++) {
    const area = AREAS[i % AREAS.length]!;
    const name = `${i % 2 ? 'search' : 'get'}_${area}_${String(i).padStart(3, '0')}`;
    server.registerTool(name, {
      title: `${i % 2 ? 'Search' : 'Get'} ${area} (${i})`,
      description: `Finds ${area} in workspace ${serverIndex} by a free-text query, newest first. Returns at most \`limit\` items with the fields asked for; use \`cursor\` from the previous answer to read on.`,
      inputSchema: {
        query: z.string().describe('What to look for; words are matched anywhere.'),
        limit: z.number().int().min(1).max(100).optional().describe('How many items to return (default 20).'),
        fields: z.array(z.string()).optional().describe('Fields to include in each item.'),
        cursor: z.string().optional().describe('Where the previous answer stopped.'),
      },
      annotations: { readOnlyHint: i % 4 !== 3, openWorldHint: false },
    }, async ({ query }) => ({ content: [{ type: 'text', text: `No ${area} match “${query}”.` }] }));
  }
  return server;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Starts one stateful Streamable HTTP MCP server with `tools` tools on 127.0.0.1, on a free port. */
export async function startCatalogServer(serverIndex: number, tools: number): Promise<CatalogServer> {
  const host = createSessionHost(() => ({ server: catalogMcpServer(serverIndex, tools) }));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    if (body === null) return jsonRpcError(res, 400, -32700, 'Parse error');
    await host.dispatch(req, res, body);
  }
  const http = await listenOnLoopback(handle);
  return {
    url: `http://127.0.0.1:${http.port}/mcp`,
    async close() {
      await host.closeSessions();
      await http.close();
    },
  };
}
