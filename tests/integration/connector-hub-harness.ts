import type { ContextNotice } from '@/lib/contract/resource-view';
import { randomUUID } from 'node:crypto';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { PatchbayDatabase } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import type { ConnectorRow } from '@/lib/db/rows';
import type { KeyValueArea } from '@/lib/browser/key-value-area';
import type { ConnectorDraft } from '@/lib/contract/connector-draft';
import { ConnectorHub, type ConnectorHubDeps } from '@/lib/mcp/connector-hub';
import { ConnectorSecretsStore } from '@/lib/mcp/connectors/connector-secrets';
import type { ConnectorStatus } from '@/lib/contract/connector-status';
import type { reconnectDelay } from '@/lib/mcp/session/reconnect-delay';
import { saveConnector } from '@/lib/mcp/connectors/save-connector';
import type { WireEvent } from '@/lib/mcp/protocol-log/wire-event';

/** Polls `check` until it returns something other than undefined/false, or fails at the deadline. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Rejects if `promise` has not settled within `ms`: a guard against hangs, not a wait. */
export function guard<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms.`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface HarnessOptions {
  /** Replaces the hub's reconnect backoff, so a test of recovery need not wait seconds. */
  reconnectDelay?: typeof reconnectDelay;
  /** Server requests go to a broker a test answers as the person (else every elicitation is declined). */
  serverRequests?: (db: PatchbayDatabase) => Pick<ConnectorHubDeps, 'serveRequests' | 'callsInFlight' | 'urlElicitationRetry'>;
  /** Told when a server announces `resources/list_changed`. */
  onResourcesChanged?(connectorId: string): void;
}

/** A real ConnectorHub over fake-indexeddb and an in-memory secrets area, recording what it reports. */
export class HubHarness {
  readonly statuses = new Map<string, ConnectorStatus[]>();
  readonly wire = new Map<string, WireEvent[]>();

  /**
   * The connector's frames once every frame seen so far is recorded: the recorder records in the
   * task after a frame passed (lib/mcp/protocol-log/after-this-task.ts), and timers of equal delay
   * run in the order they were set, so one timer turn is enough. Read `wire` directly only inside
   * a wait.
   */
  async wireOf(id: string): Promise<WireEvent[]> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    return this.wire.get(id) ?? [];
  }
  /** Prompt and resource notifications per connector, in arrival order. */
  readonly notices = new Map<string, ContextNotice[]>();
  readonly hub: ConnectorHub;
  /** Whether the browser has granted the connectors' origins; flip it to act as the user. */
  permitted = true;

  private constructor(
    readonly db: PatchbayDatabase,
    readonly connectors: ConnectorsRepository,
    readonly secrets: ConnectorSecretsStore,
    private readonly fetch: FetchLike,
    private readonly options: HarnessOptions,
  ) {
    this.hub = new ConnectorHub({
      reconnectDelay: options.reconnectDelay,
      onResourcesChanged: (id) => options.onResourcesChanged?.(id),
      connectors,
      secrets,
      fetch,
      hasHostPermission: async () => this.permitted,
      record: (id, event) => this.wire.get(id)?.push(event) ?? void this.wire.set(id, [event]),
      onStatus: (id, status) => this.statuses.get(id)?.push(status) ?? void this.statuses.set(id, [status]),
      syncOriginRules: async () => {},
      ...options.serverRequests?.(db),
      onContextNotice: (id, notice) => this.notices.get(id)?.push(notice) ?? void this.notices.set(id, [notice]),
    });
  }

  /** A hub over a fresh, empty database; `fetch` stands in for the browser's (default: Node's). */
  static async create(fetchLike: FetchLike = (url, init) => fetch(url, init), options: HarnessOptions = {}): Promise<HubHarness> {
    const db = await openDatabase(`patchbay-hub-${randomUUID()}`);
    return new HubHarness(db, new ConnectorsRepository(db), new ConnectorSecretsStore(memoryArea()), fetchLike, options);
  }

  /** A second hub over the same database and secrets, as after the worker restarted. */
  restarted(): HubHarness {
    return new HubHarness(this.db, this.connectors, this.secrets, this.fetch, this.options);
  }

  /** Saves a connector the way the Connectors form does; the hub is not told (call start()). */
  async add(label: string, url: string, transport: ConnectorDraft['transport'] = 'auto', timeoutSeconds = 30): Promise<string> {
    const saved = await saveConnector({ label, url, transport, auth: 'none', timeoutSeconds, omitOrigin: false }, this.connectors, this.secrets);
    if (!saved.ok) throw new Error(`Could not save ${label}: ${JSON.stringify(saved.errors)}`);
    return saved.id;
  }

  latest(id: string): ConnectorStatus | undefined {
    return this.statuses.get(id)?.at(-1);
  }

  waitForState(id: string, state: ConnectorStatus['state'], timeoutMs?: number): Promise<ConnectorStatus> {
    return waitFor(() => (this.latest(id)?.state === state ? this.latest(id) : undefined), `connector ${id} to be ${state} (is ${JSON.stringify(this.latest(id))})`, timeoutMs);
  }

  async row(id: string): Promise<ConnectorRow> {
    const row = await this.connectors.get(id);
    if (!row) throw new Error(`No connector ${id}.`);
    return row;
  }

  /** Waits until the stored row satisfies `check`. */
  waitForRow(id: string, check: (row: ConnectorRow) => boolean, what: string, timeoutMs?: number): Promise<ConnectorRow> {
    return waitFor(async () => {
      const row = await this.row(id);
      return check(row) ? row : undefined;
    }, what, timeoutMs);
  }

  /** Connected, and the first tool list stored. */
  async waitReady(id: string): Promise<ConnectorRow> {
    await this.waitForState(id, 'connected');
    return this.waitForRow(id, (row) => row.toolsFetchedAt !== null, `tools of ${id} to be stored`);
  }

  async close(): Promise<void> {
    await this.hub.close();
  }
}

function memoryArea(): KeyValueArea {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    remove: async (key) => void values.delete(key),
  };
}
