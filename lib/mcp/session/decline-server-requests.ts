import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/**
 * The answer of a hub that has nobody to ask (one built without a server-request broker, as some
 * tests build it): `decline`, for every mode. The product's hub always has the broker
 * (lib/requests), which shows each request to the person instead; nothing is ever accepted unseen.
 */
export function declineServerRequests(client: Client): void {
  client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'decline' }));
}
