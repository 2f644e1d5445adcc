import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { MAX_TASK_STATUS_MESSAGE } from '@/lib/contract/tool-task';
import { withFreshRequestIds } from '@/lib/mcp/session/fresh-request-ids';
import { boundedPollInterval, callsAsTask, MAX_POLL_INTERVAL_MS, MIN_POLL_INTERVAL_MS, toolTaskOf } from '@/lib/mcp/tasks/tool-task-state';

const task = (over: Record<string, unknown> = {}) =>
  ({ taskId: 't-1', status: 'working', ttl: null, createdAt: '2026-01-01T00:00:00Z', lastUpdatedAt: '2026-01-01T00:00:00Z', ...over }) as never;

describe('a task from the wire, as Patchbay keeps it', () => {
  it('bounds a hostile poll interval both ways and defaults a missing one', () => {
    expect(boundedPollInterval(1)).toBe(MIN_POLL_INTERVAL_MS);
    expect(boundedPollInterval(86_400_000)).toBe(MAX_POLL_INTERVAL_MS);
    expect(boundedPollInterval(Number.NaN)).toBe(1_000);
    expect(boundedPollInterval(undefined)).toBe(1_000);
    expect(toolTaskOf(task({ pollInterval: 0 })).pollIntervalMs).toBe(MIN_POLL_INTERVAL_MS);
  });

  it('cuts a long status message and refuses an id or status outside the spec', () => {
    expect(toolTaskOf(task({ statusMessage: 'x'.repeat(10_000) })).statusMessage).toHaveLength(MAX_TASK_STATUS_MESSAGE);
    expect(() => toolTaskOf(task({ taskId: 'y'.repeat(5_000) }))).toThrow();
    expect(() => toolTaskOf(task({ taskId: '' }))).toThrow();
    expect(() => toolTaskOf(task({ status: 'exploded' }))).toThrow();
  });

  it('calls as a task only when the server declared task tools/call and the tool allows it', () => {
    const tools = [
      { name: 'must', inputSchema: { type: 'object' }, execution: { taskSupport: 'required' } },
      { name: 'may', inputSchema: { type: 'object' }, execution: { taskSupport: 'optional' } },
      { name: 'never', inputSchema: { type: 'object' } },
    ] as never;
    const declared = { capabilities: { tasks: { requests: { tools: { call: {} } } } }, tools } as never;
    expect(callsAsTask(declared, 'must')).toBe(true);
    expect(callsAsTask(declared, 'may')).toBe(true);
    expect(callsAsTask(declared, 'never')).toBe(false);
    expect(callsAsTask({ capabilities: { tools: {} }, tools } as never, 'must')).toBe(false);
  });
});

describe('request ids of a new client', () => {
  it('start above any id an earlier worker used, so a replayed answer is never taken for a new one', () => {
    const earlier = withFreshRequestIds(new Client({ name: 'a', version: '1' }), 1_000);
    const later = withFreshRequestIds(new Client({ name: 'b', version: '1' }), 1_001);
    const next = (client: Client) => (client as unknown as { _requestMessageId: number })._requestMessageId;
    expect(next(later)).toBeGreaterThan(next(earlier) + 999);
    expect(Number.isSafeInteger(withFreshRequestIds(new Client({ name: 'c', version: '1' }), Date.now() * 2)['_requestMessageId' as never])).toBe(true);
  });
});
