import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

/**
 * Until the elicitation form exists, answer form requests by accepting with the schema's
 * defaults (the client's `applyDefaults` capability fills them in) and decline URL-mode ones.
 */
export function acceptElicitationWithDefaults(client: Client): void {
  client.setRequestHandler(ElicitRequestSchema, async (request) =>
    request.params.mode === 'url' ? { action: 'decline' } : { action: 'accept', content: {} },
  );
}
