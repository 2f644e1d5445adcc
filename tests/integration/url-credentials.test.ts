import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProtocolFrameRow } from '@/lib/db/rows';
import { exportProtocolLog } from '@/lib/mcp/protocol-log/protocol-log-export';
import { startPolicyServer, type PolicyServer } from '../fixtures/mcp-servers/policy-server';
import { startServerEverything } from '../fixtures/mcp-servers/server-everything';
import { HubHarness } from './connector-hub-harness';

const KEY = 'live-key-0001';
const PATH_TOKEN = 'live-path-0002';

// A connector whose URL carries its credential, against a real MCP server on 127.0.0.1.
describe('credentials in a connector URL', () => {
  let server: PolicyServer;
  let harness: HubHarness;

  beforeEach(async () => {
    server = await startPolicyServer();
    harness = await HubHarness.create();
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  const logText = async (id: string) => JSON.stringify(await harness.wireOf(id));
  const exported = async (id: string) => {
    const frames = (await harness.wireOf(id)).map((event, index): ProtocolFrameRow => ({ ...event, id: index, connectorId: id }));
    return exportProtocolLog('Keyed', { connectorId: id, total: frames.length, dropped: 0 }, frames);
  };

  it('never reach the protocol log or its export, and neither does the session id', async () => {
    const id = await harness.add('Keyed', `${server.url}?api_key=${KEY}`, 'streamable-http');
    await harness.hub.start();
    const row = await harness.waitReady(id);
    await harness.hub.callTool(id, 'read_notes', {}, {});
    expect(row.sessionId).toEqual(expect.any(String));
    expect(await logText(id)).toContain('api_key=[redacted]');
    for (const text of [await logText(id), await exported(id)]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(row.sessionId!);
    }
  });

  it('never reach a connector status error', async () => {
    const gone = new URL(server.url);
    await server.close();
    const id = await harness.add('Keyed', `http://127.0.0.1:${gone.port}/token/${PATH_TOKEN}/mcp?api_key=${KEY}`, 'streamable-http');
    await harness.hub.start();
    const status = await harness.waitForState(id, 'error');
    expect(status.state === 'error' && status.reason).toMatch(/127\.0\.0\.1/);
    const text = JSON.stringify(harness.statuses.get(id));
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(PATH_TOKEN);
    expect(await logText(id)).not.toContain(PATH_TOKEN);
  });

  it('never reach the error a failed call throws (which becomes the model’s tool result)', async () => {
    const id = await harness.add('Keyed', `${server.url}?api_key=${KEY}`, 'streamable-http');
    await harness.hub.start();
    await harness.waitReady(id);
    await server.close();
    const failure = await harness.hub.callTool(id, 'read_notes', {}, {}).then(() => null, (error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure!.message).not.toContain(KEY);
    expect(JSON.stringify(harness.statuses.get(id))).not.toContain(KEY);
  });

  it('hide the legacy SSE session id, which travels in the message URL', async () => {
    const everything = await startServerEverything('sse');
    try {
      const id = await harness.add('Legacy', everything.url, 'sse');
      await harness.hub.start();
      await harness.waitReady(id);
      await harness.hub.callTool(id, 'echo', { message: 'hi' }, {});
      const text = await logText(id);
      expect(text).toContain('sessionId=[redacted]');
      expect(text).not.toMatch(/sessionId=(?!\[redacted\])/);
    } finally {
      await everything.close();
    }
  });
});
