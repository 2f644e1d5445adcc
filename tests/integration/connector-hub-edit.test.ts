import 'fake-indexeddb/auto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveConnector } from '@/lib/mcp/connectors/save-connector';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { HubHarness } from './connector-hub-harness';

/** A server that accepts connections and never answers: a connect attempt to it hangs. */
function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => void sockets.add(socket));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/mcp`,
        close: () => new Promise<void>((done) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => done());
        }),
      });
    }),
  );
}

describe('editing a connector while it is still connecting', () => {
  let everything: RunningServer;
  beforeAll(async () => {
    everything = await startServerEverything('streamableHttp');
  });
  afterAll(() => everything.close());

  it('drops the hanging attempt and connects to the new URL at once', async () => {
    const silent = await startSilentServer();
    const harness = await HubHarness.create();
    try {
      const id = await harness.add('Moving', silent.url, 'streamable-http');
      await harness.hub.start();
      await harness.waitForState(id, 'connecting');

      const row = await harness.row(id);
      const saved = await saveConnector(
        { id, label: row.label, url: everything.url, transport: 'streamable-http', auth: 'none', timeoutSeconds: 30, omitOrigin: false },
        harness.connectors,
        harness.secrets,
      );
      expect(saved.ok).toBe(true);
      await harness.hub.connectorSaved(id);
      // Far sooner than the hanging initialize's own 60 s timeout.
      await harness.waitForState(id, 'connected', 5_000);
      expect(harness.statuses.get(id)?.some((s) => s.state === 'error')).toBe(false);
    } finally {
      await harness.close();
      await silent.close();
    }
  });
});
