import type { DBCore } from 'dexie';
import { ConversationStore } from '@/lib/chat/conversation-store';
import type { RunEvent } from '@/lib/chat/run-context';
import { RunEngine } from '@/lib/chat/run-engine';
import { PatchbayDatabase } from '@/lib/db/database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { KeyValueArea } from '@/lib/browser/key-value-area';
import { createModelClient } from '@/lib/llm/model-client';
import { ConnectorHub } from '@/lib/mcp/connector-hub';
import { ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import type { WireEvent } from '@/lib/mcp/protocol-log/wire-event';

/**
 * One life of the background for the chat's task tests: its own database connection, a real hub
 * and the run engine wired as the background wires them. `kill()` is a worker's death: from then
 * on none of its writes lands (they hang), its sessions close, and it never learns how work ended.
 */
export interface TaskLife {
  db: PatchbayDatabase;
  store: ConversationStore;
  hub: ConnectorHub;
  engine: RunEngine;
  events: RunEvent[];
  wire: WireEvent[];
  kill(): Promise<void>;
}

const never = <T>() => new Promise<T>(() => undefined);

export async function startTaskLife(options: { databaseName: string; modelUrl: string; apiKey: string; secrets: KeyValueArea }): Promise<TaskLife> {
  let dead = false;
  const db = new PatchbayDatabase(options.databaseName);
  db.use({
    stack: 'dbcore',
    name: 'task-life-death',
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        return { ...table, mutate: async (request) => (dead ? never() : table.mutate(request)) };
      },
    }),
  });
  await db.open();
  const wire: WireEvent[] = [];
  const events: RunEvent[] = [];
  const connectors = new ConnectorsRepository(db);
  const hub = new ConnectorHub({
    connectors,
    secrets: new ConnectorSecretsStore(options.secrets),
    fetch: (url, init) => (dead ? never() : fetch(url, init)),
    hasHostPermission: async () => true,
    record: (_id, event) => void wire.push(event),
    onStatus: () => undefined,
    syncOriginRules: async () => {},
  });
  const store = new ConversationStore(db);
  const engine = new RunEngine({
    store,
    model: async () => (dead ? never() : createModelClient({ apiKey: options.apiKey, baseUrl: options.modelUrl, model: 'm1' })),
    callTool: (connectorId, toolName, args, callOptions) => (dead ? never() : hub.callTool(connectorId, toolName, args, callOptions)),
    followTask: (connectorId, taskId, followOptions) => (dead ? never() : hub.followTask(connectorId, taskId, followOptions)),
    onEvent: (event) => void events.push(event),
  });
  await hub.start();
  return {
    db,
    store,
    hub,
    engine,
    events,
    wire,
    kill: async () => {
      dead = true;
      // Not awaited: closing flushes the last event id to the database, and a dead worker's writes never land.
      void hub.close().catch(() => undefined);
    },
  };
}

/** An in-memory `storage.local` shared by the lives, as the real one survives the worker. */
export function memoryArea(): KeyValueArea {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
  };
}
