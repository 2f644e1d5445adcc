import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppResources } from '@/lib/apps/app-resources';
import { MCP_APP_MIME_TYPE, MCP_APPS_EXTENSION } from '@/lib/contract/app-resource';
import { startBasicReactServer } from '../fixtures/mcp-servers/basic-react-server';
import { startHostileAppServer, type HostileAppServer } from '../fixtures/mcp-servers/hostile-app-server';
import type { RunningServer } from '../fixtures/mcp-servers/server-everything';
import { HubHarness, waitFor } from './connector-hub-harness';

describe("apps' pages through the hub, from real servers", () => {
  let harness: HubHarness | undefined;
  let basic: RunningServer | undefined;
  let probe: HostileAppServer | undefined;
  afterEach(async () => {
    await harness?.close();
    await basic?.close();
    await probe?.close();
    harness = basic = probe = undefined;
  });

  it("reads server-basic-react's get-time app as an MCP App page", async () => {
    basic = await startBasicReactServer();
    harness = await HubHarness.create();
    const id = await harness.add('Clock', basic.url);
    await harness.hub.start();
    await harness.waitReady(id);
    const resources = new AppResources({ connector: (cid) => harness!.connectors.get(cid), readResource: (cid, uri) => harness!.hub.readResource(cid, uri) });
    const outcome = await resources.forTool(id, 'get-time');
    expect(outcome).toMatchObject({ ok: true, resource: { uri: 'ui://get-time/mcp-app.html', csp: {}, permissions: [] } });
    expect(outcome.ok && outcome.resource.html).toContain('Get Time App');
  });

  it('declares the ui extension, and reads a page again after resources/list_changed', async () => {
    probe = await startHostileAppServer({ allowed: 'http://127.0.0.1:1', forbidden: 'http://127.0.0.1:2' });
    const changed: string[] = [];
    let resources: AppResources | undefined;
    harness = await HubHarness.create(undefined, {
      onResourcesChanged: (cid) => {
        changed.push(cid);
        resources?.forget(cid);
      },
    });
    const id = await harness.add('Probe', probe.url);
    await harness.hub.start();
    await harness.waitReady(id);
    expect((probe.clientCapabilities()?.extensions as Record<string, unknown>)[MCP_APPS_EXTENSION]).toEqual({ mimeTypes: [MCP_APP_MIME_TYPE] });
    let reads = 0;
    resources = new AppResources({ connector: (cid) => harness!.connectors.get(cid), readResource: (cid, uri) => (reads++, harness!.hub.readResource(cid, uri)) });
    await resources.forTool(id, 'show_probe');
    await resources.forTool(id, 'show_probe');
    expect(reads).toBe(1);
    await probe.announceResourceChange();
    await waitFor(() => changed.includes(id), 'resources/list_changed to reach the hub');
    await resources.forTool(id, 'show_probe');
    expect(reads).toBe(2);
  });
});
