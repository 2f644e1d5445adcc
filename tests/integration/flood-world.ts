import { afterEach, beforeEach } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ServerRequestsRepository } from '@/lib/db/repositories/server-requests-repository';
import type { RequestRetentionPolicy } from '@/lib/db/repositories/server-request-retention';
import { createServerRequests, type ServerRequests } from '@/lib/requests/create-server-requests';
import { startRequestFloodServer, type RequestFloodServer } from '../fixtures/mcp-servers/request-flood-server';
import { HubHarness, guard } from './connector-hub-harness';

/** Filled in by `beforeEach`: the flood server, a hub serving its requests, and its connector, ready. */
export interface FloodWorld {
  server: RequestFloodServer;
  harness: HubHarness;
  requests: ServerRequests;
  id: string;
  /** Runs `flood_requests` by hand with `args`, failing after `timeoutMs`. */
  flood(args: Record<string, unknown>, timeoutMs: number): Promise<CallToolResult>;
}

/** The text of a tool result's text blocks. */
export const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

/**
 * A real SDK server over real HTTP that floods the client with requests from inside one hand run,
 * and a hub whose server requests are stored, settled and audited (with `retention` when given).
 * Each test gets its own; read the fields inside tests.
 */
export function useFloodWorld(retention?: RequestRetentionPolicy): FloodWorld {
  const world = {} as FloodWorld;
  beforeEach(async () => {
    world.server = await startRequestFloodServer();
    world.harness = await HubHarness.create(undefined, {
      serverRequests: (db) => {
        world.requests = createServerRequests(db, new ServerRequestsRepository(db), { openTab: async () => undefined, ...(retention ? { retention } : {}) });
        return { serveRequests: world.requests.serveRequests, callsInFlight: world.requests.inFlight, urlElicitationRetry: world.requests.urlElicitationRetry };
      },
    });
    world.id = await world.harness.add('Flooder', world.server.url, 'streamable-http');
    await world.harness.hub.start();
    await world.harness.waitReady(world.id);
    world.flood = (args, timeoutMs) =>
      guard(world.harness.hub.callTool(world.id, 'flood_requests', args, { caller: { type: 'hand-run', callId: 'flood', toolName: 'flood_requests' } }), timeoutMs, 'the flood');
  });
  afterEach(async () => {
    await world.harness.close();
    await world.server.close();
  });
  return world;
}
