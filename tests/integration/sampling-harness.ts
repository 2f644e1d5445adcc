import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { samplingModelFromSettings } from '@/lib/background/model-from-settings';
import type { KeyValueArea } from '@/lib/browser/key-value-area';
import type { ServerRequestRow } from '@/lib/contract/server-request';
import { openDatabase } from '@/lib/db/open-database';
import { createRepositories } from '@/lib/db/repositories';
import { ConnectorHub } from '@/lib/mcp/connector-hub';
import { ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import { saveConnector } from '@/lib/mcp/connectors/save-connector';
import { createServerRequests } from '@/lib/requests/create-server-requests';
import type { ModelServer } from '../fixtures/model-server';
import { waitFor } from './connector-hub-harness';

function memoryArea(): KeyValueArea {
  const values = new Map<string, unknown>();
  return { get: async (key) => structuredClone(values.get(key)), set: async (key, value) => void values.set(key, structuredClone(value)), remove: async (key) => void values.delete(key) };
}

/**
 * The background's sampling path as it is wired in the worker: a hub whose clients hand server
 * requests to the broker, the sampling kind asking the scripted model as the configured one, over
 * fake-indexeddb. The test plays the person through `broker.answer`. Waits until `tool` is listed.
 */
export async function samplingHarness(options: { label: string; url: string; tool: string; model: ModelServer; apiKey: string }) {
  const db = await openDatabase(`patchbay-sampling-${randomUUID()}`);
  const repositories = createRepositories(db);
  const secrets = new ConnectorSecretsStore(memoryArea());
  const settings = { apiKey: options.apiKey, baseUrl: options.model.url, model: 'scripted-model', api: 'chat-completions' as const, toolLimits: {}, omitOrigin: false };
  const requests = createServerRequests(db, repositories.serverRequests, { openTab: async () => {}, samplingModel: samplingModelFromSettings(async () => settings) });
  const hub = new ConnectorHub({
    connectors: repositories.connectors,
    secrets,
    fetch: (input, init) => fetch(input, init),
    hasHostPermission: async () => true,
    record: () => {},
    onStatus: () => {},
    syncOriginRules: async () => {},
    callsInFlight: requests.inFlight,
    serveRequests: requests.serveRequests,
  });
  const saved = await saveConnector({ label: options.label, url: options.url, transport: 'streamable-http', auth: 'none', timeoutSeconds: 60, omitOrigin: false }, repositories.connectors, secrets);
  if (!saved.ok) throw new Error('could not save the connector');
  await hub.start();
  await waitFor(async () => (await repositories.connectors.get(saved.id))?.tools.some((tool) => tool.name === options.tool), `${options.tool} to be listed`);
  const rows = () => db.serverRequests.toArray() as Promise<ServerRequestRow[]>;
  return {
    db,
    hub,
    broker: requests.broker,
    id: saved.id,
    rows,
    rowWhere: (check: (row: ServerRequestRow) => boolean, what: string) => waitFor(async () => (await rows()).find(check), what),
    async close() {
      await hub.close();
      db.close();
    },
  };
}
