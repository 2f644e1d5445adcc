import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerEverything, type RunningServer } from '../fixtures/mcp-servers/server-everything';
import { HubHarness, waitFor } from './connector-hub-harness';

describe('a connector whose origin the user has not granted', () => {
  let everything: RunningServer;
  beforeAll(async () => {
    everything = await startServerEverything('streamableHttp');
  });
  afterAll(() => everything.close());

  it('waits as Permission needed without touching the server, then connects once granted', async () => {
    const harness = await HubHarness.create();
    try {
      harness.permitted = false;
      const id = await harness.add('Everything', everything.url);
      await harness.hub.start();
      const waiting = await harness.waitForState(id, 'permission-needed');
      expect(waiting).toEqual({ state: 'permission-needed', origin: new URL(everything.url).origin });
      expect(await harness.wireOf(id)).toEqual([]);

      harness.permitted = true;
      await harness.hub.reconnect(id);
      await harness.waitForState(id, 'connected');
      await waitFor(async () => (await harness.row(id)).toolsFetchedAt !== null, 'the tools to be fetched');
    } finally {
      await harness.close();
    }
  });
});
