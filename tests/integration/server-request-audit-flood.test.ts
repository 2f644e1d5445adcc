import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DecisionsRepository } from '@/lib/db/repositories/decisions-repository';
import { AUDITED_REQUESTS_PER_CONNECTOR } from '@/lib/db/repositories/server-request-audit-retention';
import type { AuditRow } from '@/lib/db/rows';
import { AUDIT_PARAMS_MAX_BYTES } from '@/lib/requests/bounded-params';
import { textOf, useFloodWorld } from './flood-world';

const FLOOD = 2_000;
const PAD = 20_000;

// A real SDK server over real HTTP sends 2,000 requests of ~20 KB each from inside one hand run,
// while the person keeps deciding on tool calls of the same connector. With the production caps,
// the audit ends with the newest 1,000 server-request entries, each cut to 8 KB, and every decision.
describe('a server flooding the audit with large requests', () => {
  const world = useFloodWorld();

  it('keeps the newest 1,000 server-request entries of 8 KB at most, and every decision on a tool call', async () => {
    const { harness, requests, id } = world;
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
    const result = await world.flood({ count: FLOOD, kind: 'refused', padBytes: PAD }, 180_000);
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
