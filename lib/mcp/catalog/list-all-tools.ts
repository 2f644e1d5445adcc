import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ConnectorError } from '../session/connector-error';

/** A server that pages forever (or loops its cursor) is cut off here, with an error. */
export const MAX_TOOL_PAGES = 100;

/** Every page of `tools/list`, in order; duplicate names keep their first definition. */
export async function listAllTools(client: Client, options?: RequestOptions): Promise<Tool[]> {
  const tools: Tool[] = [];
  const seenNames = new Set<string>();
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_TOOL_PAGES; page++) {
    const result = await client.listTools(cursor === undefined ? undefined : { cursor }, options);
    for (const tool of result.tools) {
      if (seenNames.has(tool.name)) continue;
      seenNames.add(tool.name);
      tools.push(tool);
    }
    cursor = result.nextCursor;
    if (cursor === undefined) return tools;
    if (seenCursors.has(cursor)) throw new ConnectorError('protocol-error', `tools/list repeated the cursor "${cursor}".`);
    seenCursors.add(cursor);
  }
  throw new ConnectorError('protocol-error', `tools/list still had more pages after ${MAX_TOOL_PAGES}.`);
}
