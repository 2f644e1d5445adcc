import { afterAll, beforeAll } from 'vitest';
import { startServerEverything, type RunningServer } from '../../fixtures/mcp-servers/server-everything';
import type { ConnectorsPage } from '../pages/connectors-page';
import type { ChromiumPanel } from './chromium-panel-fixture';

/** Filled in by `beforeAll`: server-everything, added as the connector "Everything", its tools listed. */
export interface EverythingConnector {
  server: RunningServer;
  connectors: ConnectorsPage;
}

/**
 * Starts server-everything (Streamable HTTP) for the test file and adds it on the panel's Connectors
 * screen, waiting until `tool` is listed; the server stops after the file. Read the fields inside tests.
 */
export function useEverythingConnector(fixture: ChromiumPanel, tool = 'echo'): EverythingConnector {
  const everything = {} as EverythingConnector;
  beforeAll(async () => {
    everything.server = await startServerEverything('streamableHttp');
    everything.connectors = await fixture.panel.openConnectors();
    await everything.connectors.add({ name: 'Everything', url: everything.server.url });
    await everything.connectors.waitForTool('Everything', tool);
  });
  afterAll(async () => everything.server?.close());
  return everything;
}
