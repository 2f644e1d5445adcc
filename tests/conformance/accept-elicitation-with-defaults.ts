import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/**
 * The conformance client's scripted answer: its scenarios check that a client fills in schema
 * defaults, so it accepts form requests with them (the client's `applyDefaults` capability fills
 * them in) and declines URL-mode ones. Test code only: the product never answers for the user
 * (see `lib/mcp/decline-server-requests.ts`).
 */
export function acceptElicitationWithDefaults(client: Client): void {
  client.setRequestHandler(ElicitRequestSchema, async (request) =>
    request.params.mode === 'url' ? { action: 'decline' } : { action: 'accept', content: {} },
  );
}
