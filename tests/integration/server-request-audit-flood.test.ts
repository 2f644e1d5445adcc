import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { DecisionsRepository } from '@/lib/db/repositories/decisions-repository';
import { AUDITED_REQUESTS_PER_CONNECTOR } from '@/lib/db/repositories/server-request-audit-retention';
import { ServerRequestsRepository } from '@/lib/db/repositories/server-requests-repository';
import type { AuditRow } from '@/lib/db/rows';
import { AUDIT_PARAMS_MAX_BYTES } from '@/lib/requests/bounded-params';
import { createServerRequests, type ServerRequests } from '@/lib/requests/create-server-requests';
import { startRequestFloodServer, type RequestFloodServer } from '../fixtures/mcp-servers/request-flood-server';
import { HubHarness, guard } from './connector-hub-harness';

const textOf = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
const FLOOD = 2_000;
const PAD = 20_000;

// A real SDK server over real HTTP sends 2,000 requests of ~20 KB each from inside one hand run,
// while the person keeps deciding on tool calls of the same connector. With the production caps,
// the audit ends with the newest 1,000 server-request entries, each cut to 8 KB, and every decision.
describe('a server flooding the audit with large requests', () => {
  let server: RequestFloodServer;
  let harness: HubHarness;
  let requests: ServerRequests;
  let id: string;

  beforeEach(async () => {
    server = await startRequestFloodServer();
    harness = await HubHarness.create(undefined, {
      serverRequests: (db) => {
        requests = createServerRequests(db, new ServerRequestsRepository(db), { openTab: async () => undefined });
        return { serveRequests: requests.serveRequests, callsInFlight: requests.inFlight, urlElicitationRetry: requests.urlElicitationRetry };
      },
    });
    id = await harness.add('Flooder', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  it('keeps the newest 1,000 server-request entries of 8 KB at most, and every decision on a tool call', async () => {
    const decisions = new DecisionsRepository(harness.db);
    const kinds = ['approved', 'denied', 'write-call', 'hand-run'] as const;
    let decided = 0;
    let flooding = true;
    // Decisions keep coming while the flood lands, so they are interleaved with it in time.
    const deciding = (async () => {
      while (flooding || decided < 40) {
        const kind = kinds[decided % kinds.length]!;
        await decisions.appendAudit({ at: Date.now(), kind, conversationId: kind === 'hand-run' ? '' : 'chat', connectorId: id, toolName: 'write_note', detail: { n: decided } });
        decided += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const call = harness.hub.callTool(id, 'flood_requests', { count: FLOOD, kind: 'refused', padBytes: PAD }, { caller: { type: 'hand-run', callId: 'flood', toolName: 'flood_requests' } });
    const result = await guard(call, 180_000, 'the flood');
    flooding = false;
    await deciding;
    expect(JSON.parse(textOf(result))).toEqual({ decline: FLOOD });
    await requests.pruner.flush();

    const entries = await harness.db.audit.where('[kind+connectorId+at]').between(['server-request', id, Dexie.minKey], ['server-request', id, Dexie.maxKey]).toArray();
    expect(entries).toHaveLength(AUDITED_REQUESTS_PER_CONNECTOR);
    // The newest were kept: the last request the server sent is among them, the first is not.
    const messages = entries.map((row) => String(row.detail.request));
    expect(messages.some((text) => text.includes(`"Flood request ${FLOOD - 1}"`))).toBe(true);
    expect(messages.some((text) => text.includes('"Flood request 0"'))).toBe(false);
    for (const row of entries) {
      const request = row.detail.request as string;
      expect(request).toMatch(/… \[truncated: \d+ bytes\]$/);
      expect(new TextEncoder().encode(request).length).toBeLessThan(AUDIT_PARAMS_MAX_BYTES + 40);
      expect(row.detail.requestTruncatedBytes).toBeGreaterThan(PAD - AUDIT_PARAMS_MAX_BYTES);
    }
    const kept: AuditRow[] = await harness.db.audit.filter((row) => row.kind !== 'server-request').toArray();
    expect(kept).toHaveLength(decided);
    expect(kept.map((row) => row.detail.n)).toEqual(Array.from({ length: decided }, (_, n) => n));
    // The request rows themselves keep the whole params while retained.
    const stored = await harness.db.serverRequests.where('connectorId').equals(id).first();
    expect(JSON.stringify(stored?.params).length).toBeGreaterThan(PAD);
  }, 240_000);
});
