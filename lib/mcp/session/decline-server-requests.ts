import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/**
 * The product's answer to a server's elicitation while no form exists to show it to a person:
 * `decline`, for every mode, inside any call (read-only ones ran without a card, so nobody saw
 * them). Accepting needs a person who read the request; until the form exists, nobody can.
 */
export function declineServerRequests(client: Client): void {
  client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'decline' }));
}
