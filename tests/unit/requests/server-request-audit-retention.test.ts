import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PatchbayDatabase } from '@/lib/db/database';
import type { AuditRow } from '@/lib/db/rows';
import { AUDITED_REQUESTS_PER_CONNECTOR, ServerRequestAuditRetention } from '@/lib/db/repositories/server-request-audit-retention';
import { ServerRequestRetention } from '@/lib/db/repositories/server-request-retention';
import { AUDIT_PARAMS_MAX_BYTES, boundedParams } from '@/lib/requests/bounded-params';
import { RequestPruner } from '@/lib/requests/request-pruner';
import { watchReads, type TableReads } from './table-read-watch';

let db: PatchbayDatabase | undefined;
afterEach(() => db?.close());

async function watched(): Promise<{ d: PatchbayDatabase; reads: TableReads }> {
  const d = new PatchbayDatabase(`patchbay-audit-cap-${crypto.randomUUID()}`);
  db = d;
  const reads = watchReads(d, 'audit');
  await d.open();
  return { d, reads };
}

let at = 0;
const entry = (connectorId: string, kind: AuditRow['kind'] = 'server-request'): Omit<AuditRow, 'id'> => ({
  at: (at += 1), kind, conversationId: '', connectorId, toolName: kind === 'server-request' ? 'elicitation/create' : 'write_file', detail: { n: at },
});

describe('server-request params in the audit', () => {
  it('keeps params within the bound as they came', () => {
    const params = { message: 'Name?', requestedSchema: { type: 'object', properties: {} } };
    expect(boundedParams(params)).toEqual({ request: params });
  });

  it('cuts params beyond 8 KB to their first 8 KB of JSON with a "truncated: N bytes" marker, N being what was not kept', () => {
    const params = { message: 'x'.repeat(20_000) };
    const whole = new TextEncoder().encode(JSON.stringify(params)).length;
    const { request, requestTruncatedBytes } = boundedParams(params);
    expect(typeof request).toBe('string');
    const text = request as string;
    expect(text.startsWith('{"message":"xxx')).toBe(true);
    expect(text.endsWith(`… [truncated: ${whole - AUDIT_PARAMS_MAX_BYTES} bytes]`)).toBe(true);
    expect(requestTruncatedBytes).toBe(whole - AUDIT_PARAMS_MAX_BYTES);
    expect(new TextEncoder().encode(text.slice(0, text.lastIndexOf('…'))).length).toBe(AUDIT_PARAMS_MAX_BYTES);
  });

  it('cuts between characters, never inside one, and counts the bytes exactly', () => {
    // Three bytes a character, so 8,192 falls inside one.
    const params = { message: '€'.repeat(5_000) };
    const whole = new TextEncoder().encode(JSON.stringify(params)).length;
    const { request, requestTruncatedBytes } = boundedParams(params);
    const head = (request as string).slice(0, (request as string).lastIndexOf('…'));
    expect(head).not.toContain('\uFFFD');
    const kept = new TextEncoder().encode(head).length;
    expect(kept).toBeLessThanOrEqual(AUDIT_PARAMS_MAX_BYTES);
    expect(kept).toBeGreaterThan(AUDIT_PARAMS_MAX_BYTES - 3);
    expect(requestTruncatedBytes).toBe(whole - kept);
  });
});

describe('the server-request audit cap', () => {
  it('keeps the newest entries per connector, every decision and write call, and reads only index keys', async () => {
    const { d, reads } = await watched();
    const cap = 50;
    const oldDecisions = Array.from({ length: 30 }, (_, n) => entry('c1', (['approved', 'denied', 'write-call', 'hand-run'] as const)[n % 4]));
    const flood = Array.from({ length: 120 }, () => entry('c1'));
    const laterDecisions = Array.from({ length: 30 }, () => entry('c1', 'denied'));
    const other = Array.from({ length: 10 }, () => entry('c2'));
    await d.audit.bulkAdd([...oldDecisions, ...flood, ...laterDecisions, ...other]);
    reads.rowReads.length = 0;

    expect(await new ServerRequestAuditRetention(d, cap).pruneConnector('c1')).toBe(70);
    expect(reads.fullScans).toEqual([]);
    expect(reads.rowReads).toEqual([]);
    const left = await d.audit.toArray();
    reads.rowReads.length = 0;
    reads.fullScans.length = 0;
    expect(left.filter((row) => row.kind === 'server-request' && row.connectorId === 'c1').map((row) => row.at)).toEqual(flood.slice(-cap).map((row) => row.at));
    expect(left.filter((row) => row.kind !== 'server-request')).toHaveLength(60);
    expect(left.filter((row) => row.connectorId === 'c2')).toHaveLength(10);
    // Under the cap, nothing more goes.
    expect(await new ServerRequestAuditRetention(d, cap).pruneConnector('c1')).toBe(0);
    expect(reads.fullScans).toEqual([]);
    expect(reads.rowReads).toEqual([]);
  });

  it('finds every connector with server-request entries, removed ones too, from the index keys', async () => {
    const { d, reads } = await watched();
    await d.audit.bulkAdd([entry('b'), entry('a'), entry('b'), entry('removed'), entry('only-decisions', 'approved'), entry('a')]);
    reads.rowReads.length = 0;
    expect(await new ServerRequestAuditRetention(d).connectorIds()).toEqual(['a', 'b', 'removed']);
    expect(reads.rowReads).toEqual([]);
  });

  it('is run by the request pruner: after a batch of settlements, and at wake for every connector, removed ones too', async () => {
    const { d } = await watched();
    await d.audit.bulkAdd([...Array.from({ length: 8 }, () => entry('live')), ...Array.from({ length: 8 }, () => entry('removed')), ...Array.from({ length: 8 }, () => entry('live', 'approved'))]);
    const pruner = new RequestPruner(new ServerRequestRetention(d), { audit: new ServerRequestAuditRetention(d, 3), delayMs: 60_000 });
    const count = (connectorId: string) => d.audit.where('[kind+connectorId+at]').between(['server-request', connectorId, 0], ['server-request', connectorId, Infinity]).count();

    pruner.settled({ connectorId: 'live', conversationId: null });
    await pruner.flush();
    expect([await count('live'), await count('removed')]).toEqual([3, 8]);
    await pruner.atWake(async (id) => id === 'live');
    expect([await count('live'), await count('removed')]).toEqual([3, 3]);
    expect(await d.audit.filter((row) => row.kind === 'approved').count()).toBe(8);
  });

  it('defaults to 1,000 entries per connector', () => {
    expect(AUDITED_REQUESTS_PER_CONNECTOR).toBe(1_000);
    expect(new ServerRequestAuditRetention({} as PatchbayDatabase).perConnector).toBe(1_000);
  });
});
