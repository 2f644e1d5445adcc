import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ServerRequestReply } from '../contract/server-request-reply';

/**
 * What an SDK request handler does with the broker's reply: return the result (the SDK sends it
 * as the JSON-RPC result), or throw an `McpError`, which the SDK sends as the JSON-RPC error.
 */
export function replyToSdk(reply: ServerRequestReply): Record<string, unknown> {
  switch (reply.type) {
    case 'result':
      return reply.result;
    case 'error':
      throw new McpError(reply.code, reply.message);
  }
}
