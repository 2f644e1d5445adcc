import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ConversationStore } from '@/lib/chat/conversation-store';
import { RunEngine } from '@/lib/chat/run-engine';
import { PatchbayDatabase as Database } from '@/lib/db/database';
import { createModelClient } from '@/lib/llm/model-client';

/**
 * One life of the service worker: its own database connection, its own MCP client, its own run
 * engine. `kill()` is what the browser does to a worker: from that instant nothing it started
 * writes to the database, sends a tool call or asks the model again (its in-flight requests may
 * still reach the servers, as real ones do), and it never learns how its work ended.
 */
export interface WorkerGeneration {
  engine: RunEngine;
  store: ConversationStore;
  /** Database writes (Dexie mutations) this life has made. */
  writes(): number;
  /** Kills this life after its `n`-th write (counted from now), or now when `n` is 0. */
  killAfterWrites(n: number): void;
  readonly dead: Promise<void>;
  isDead(): boolean;
  /** Releases the sockets and the connection once the cycle is over. */
  dispose(): Promise<void>;
}

export interface GenerationOptions {
  databaseName: string;
  mcpUrl: string;
  modelUrl: string;
  apiKey: string;
}

const never = <T>() => new Promise<T>(() => undefined);

export async function startGeneration(options: GenerationOptions): Promise<WorkerGeneration> {
  let dead = false;
  let writes = 0;
  let killAt = Number.POSITIVE_INFINITY;
  let markDead!: () => void;
  const deadPromise = new Promise<void>((resolve) => (markDead = resolve));
  const kill = () => {
    dead = true;
    markDead();
  };
  // Middleware is installed before the open: Dexie builds its stack then.
  const db = new Database(options.databaseName);
  db.use({
    stack: 'dbcore',
    name: 'worker-death',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (request) => {
            if (dead) return never();
            const result = await table.mutate(request);
            writes += 1;
            if (writes >= killAt) kill();
            return result;
          },
        };
      },
    }),
  });
  await db.open();
  const client = new Client({ name: 'faults-worker', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(options.mcpUrl)));
  const store = new ConversationStore(db);
  const engine = new RunEngine({
    store,
    model: async () => (dead ? never() : createModelClient({ apiKey: options.apiKey, baseUrl: options.modelUrl, model: 'm1' })),
    callTool: async (_connectorId, toolName, args) =>
      dead ? never() : ((await client.callTool({ name: toolName, arguments: args })) as CallToolResult),
  });
  return {
    engine,
    store,
    writes: () => writes,
    killAfterWrites: (n) => {
      killAt = writes + n;
      if (n <= 0) kill();
    },
    dead: deadPromise,
    isDead: () => dead,
    dispose: async () => {
      kill();
      await client.close().catch(() => undefined);
      db.close();
    },
  };
}
