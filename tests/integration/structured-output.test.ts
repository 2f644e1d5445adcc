import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputMismatchOf } from '@/lib/contract/output-check';
import { startStructuredOutputServer, type StructuredOutputServer } from '../fixtures/mcp-servers/structured-output-server';
import { HubHarness } from './connector-hub-harness';

describe('structured output through the hub, against a real server', () => {
  let server: StructuredOutputServer;
  let harness: HubHarness;
  let id: string;

  beforeEach(async () => {
    server = await startStructuredOutputServer();
    harness = await HubHarness.create();
    id = await harness.add('Weather', server.url, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  const call = (name: string) => harness.hub.callTool(id, name, { city: 'Lyon' }, { signal: AbortSignal.timeout(10_000) });

  it('passes a valid result unchanged', async () => {
    const result = await call('forecast');
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({ city: 'Lyon', celsius: 21 });
    expect(outputMismatchOf(result)).toBeNull();
  });

  it('returns a mismatch as a marked tool error that keeps the output (the SDK would have thrown it away)', async () => {
    const result = await call('broken_forecast');
    expect(result.isError).toBe(true);
    expect(outputMismatchOf(result)?.problems.join(' ')).toMatch(/celsius/);
    expect(result.structuredContent).toEqual({ city: 'Lyon', celsius: 'warm' });
    expect(JSON.stringify(result.content)).toContain('Lyon: 21 degrees');
  });

  it('treats missing structured content as a mismatch, also after a worker restart (no list in the new session)', async () => {
    expect(outputMismatchOf(await call('unstructured_forecast'))).not.toBeNull();
    await harness.close();
    harness = harness.restarted();
    await harness.hub.start();
    await harness.waitForState(id, 'connected');
    expect(outputMismatchOf(await call('broken_forecast'))).not.toBeNull();
  });

  it('does not let a server forge the mismatch mark', async () => {
    const result = await call('forged_forecast');
    expect(outputMismatchOf(result)).toBeNull();
    expect(result.isError).toBeFalsy();
  });
});
