import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { RevocationOutcome } from '../auth/revoke-tokens';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import type { ConnectorRow } from '../db/rows';
import type { AuthStepView } from './auth/connector-auth';
import { withOutputCheck } from './catalog/structured-output';
import { ConnectorError } from './session/connector-error';
import type { ConnectorSecretsStore } from './connectors/connector-secrets';
import { ConnectorSession } from './session/connector-session';
import type { CallOptions, ConnectorSessionDeps } from './session/connector-session-deps';
import type { ConnectorStatus, VersionedStatus } from '../contract/connector-status';
import type { ToolCatalogUpdate } from './catalog/tool-catalog';
import type { LogLevel } from '../contract/log-level';
import { callToolOn, followTaskOn, readResourceOn, requestOn, setLogLevelOn } from './session/session-requests';
import { callsAsTask } from './tasks/tool-task-state';
import type { CallsInFlight } from '../requests/calls-in-flight';
import type { UrlElicitationRetry } from '../requests/elicitation/url-elicitation-retry';

/** What the hub needs besides what each session needs. */
export interface ConnectorHubDeps extends Pick<ConnectorSessionDeps, 'fetch' | 'hasHostPermission' | 'record' | 'auth' | 'reconnectDelay' | 'serveRequests' | 'onContextNotice' | 'onResourcesChanged'> {
  connectors: ConnectorsRepository;
  secrets: ConnectorSecretsStore;
  /** Each change carries a version that only grows, so a view can tell a late snapshot from news. */
  onStatus(connectorId: string, status: ConnectorStatus, version: number): void;
  /** Re-applies the Origin-stripping rules for the connectors that asked for them. */
  syncOriginRules(origins: string[]): Promise<void>;
  /** Where each call with a `caller` is listed while it runs, so the broker can tell which call a request belongs to. */
  callsInFlight?: Pick<CallsInFlight, 'track'>;
  /** The -32042 flow: a call that needs the person to open a link first is sent again once they did. */
  urlElicitationRetry?: UrlElicitationRetry;
}

/**
 * The background's one owner of MCP sessions: one {@link ConnectorSession} per stored connector,
 * started at wake-up. One connector failing never affects another.
 */
export class ConnectorHub {
  private readonly sessions = new Map<string, ConnectorSession>();
  private readonly sessionDeps: ConnectorSessionDeps;
  private readonly versions = new Map<string, number>();
  private version = 0;

  constructor(private readonly deps: ConnectorHubDeps) {
    this.sessionDeps = {
      fetch: deps.fetch,
      hasHostPermission: deps.hasHostPermission,
      // A removed connector's late traffic (a request that was still under way) is not recorded:
      // its log was just forgotten, and nothing would ever clear frames written after that.
      record: (id, event) => {
        if (this.sessions.has(id)) deps.record(id, event);
      },
      auth: deps.auth,
      reconnectDelay: deps.reconnectDelay,
      serveRequests: deps.serveRequests,
      onContextNotice: (id, notice) => {
        if (this.sessions.has(id)) deps.onContextNotice?.(id, notice);
      },
      onResourcesChanged: (id) => deps.onResourcesChanged?.(id),
      onStatus: (id, status) => {
        this.version += 1;
        this.versions.set(id, this.version);
        deps.onStatus(id, status, this.version);
      },
      readHeaders: (row) => deps.secrets.headersFor(row),
      persist: async (id, patch) => void (await deps.connectors.update(id, patch)),
      persistWith: (id, change) => deps.connectors.updateWith(id, change),
    };
  }

  /** Loads every connector and starts connecting them all. */
  async start(): Promise<void> {
    const rows = await this.deps.connectors.list();
    await this.syncOriginRules(rows);
    for (const row of rows) this.open(row);
  }

  /** Every connector's status with the version of its last change (see `onStatus`). */
  statuses(): Record<string, VersionedStatus> {
    return Object.fromEntries([...this.sessions].map(([id, session]) => [id, { status: session.currentStatus, version: this.versions.get(id) ?? 0 }]));
  }

  /** Starts (or restarts, after an edit) the session of a stored connector. */
  async connectorSaved(id: string): Promise<void> {
    const rows = await this.deps.connectors.list();
    const row = rows.find((r) => r.id === id);
    if (!row) throw new ConnectorError('bad-config', `No connector with id ${id}.`);
    await this.syncOriginRules(rows);
    const session = this.sessions.get(id);
    // Tokens were issued for the old server: never send them to the new one.
    if (session && session.url !== row.url) await this.deps.auth?.forget(id);
    if (session) await session.restart(row);
    else this.open(row);
  }

  /**
   * Stops a removed connector's session and revokes (where the server offers it) and forgets its
   * OAuth tokens; a failed revocation is in the outcome, and does not stop the removal.
   */
  async remove(id: string): Promise<RevocationOutcome> {
    await this.sessions.get(id)?.close();
    this.sessions.delete(id);
    const revocation = (await this.deps.auth?.forget(id, { revokeWith: this.deps.fetch })) ?? { type: 'no-tokens' };
    await this.syncOriginRules(await this.deps.connectors.list());
    return revocation;
  }

  async reconnect(id: string): Promise<void> {
    await this.session(id).restart(await this.requireRow(id));
  }

  refreshTools(id: string): Promise<ToolCatalogUpdate> {
    return this.session(id).refreshTools({ userInitiated: true });
  }

  /**
   * Calls a tool. A read (`readOnlyHint: true`, a claim the server makes) is repeated once if the
   * server forgot the session mid-call; anything else is not, since it may already have run.
   * Structured output is checked against the stored tool's output schema (see `withOutputCheck`):
   * a mismatch comes back as a tool error that keeps what the server sent, for the chat and hand runs alike.
   */
  async callTool(id: string, toolName: string, args: Record<string, unknown>, options: CallOptions): Promise<CallToolResult> {
    const row = await this.requireRow(id);
    const tool = row.tools.find((t) => t.name === toolName);
    const send = () => callToolOn(this.session(id), toolName, args, { ...options, retryOnExpiry: tool?.annotations?.readOnlyHint === true, asTask: callsAsTask(row, toolName) });
    const retry = this.deps.urlElicitationRetry;
    const call = retry ? () => retry({ id, label: row.label, url: row.url }, options.signal, send) : send;
    const result = await (this.deps.callsInFlight ? this.deps.callsInFlight.track(id, options.caller, call) : call());
    return withOutputCheck(tool, result);
  }

  /** See `ConnectorSession.answerStaleRequest`; false for a connector that is gone. */
  async answerStaleRequest(id: string, requestId: string | number, result: Record<string, unknown>): Promise<boolean> {
    const session = this.sessions.get(id);
    return session ? session.answerStaleRequest(requestId, result) : false;
  }

  /** Follows a task a call started earlier (after a worker restart) until it ends; see `followTaskOn`. */
  followTask(id: string, taskId: string, options: Pick<CallOptions, 'signal' | 'onTask' | 'caller'>): Promise<CallToolResult> {
    const follow = () => followTaskOn(this.session(id), taskId, options);
    // A task's elicitation arrives while it is followed: the broker shows it beside the call.
    return this.deps.callsInFlight ? this.deps.callsInFlight.track(id, options.caller, follow) : follow();
  }

  /**
   * Remembers the level for the connector (every later session gets it at connect) and sends it
   * now. Refused for a server that did not declare `logging`.
   */
  async setLogLevel(id: string, level: LogLevel): Promise<void> {
    const row = await this.requireRow(id);
    if (!row.capabilities?.logging) throw new ConnectorError('bad-config', `${row.label} did not declare logging, so it takes no log level.`);
    await this.deps.connectors.update(id, { logLevel: level });
    await setLogLevelOn(this.session(id), level);
  }

  /** A read request of the connector's own (prompts, resources, completion); see `requestOn`. */
  request<T>(id: string, run: (client: Client, options: RequestOptions) => Promise<T>): Promise<T> {
    return requestOn(this.session(id), run);
  }

  /** Reads a resource of the connector (MCP Apps fetch their `ui://` pages through this). */
  readResource(id: string, uri: string): Promise<ReadResourceResult> {
    return readResourceOn(this.session(id), uri);
  }

  signIn(id: string): Promise<'signed-in' | 'cancelled'> {
    return this.session(id).signIn();
  }

  signOut(id: string): Promise<void> {
    return this.session(id).signOut();
  }

  /** The steps of the connector's last OAuth flow, read back from storage after a worker restart. */
  async authSteps(id: string): Promise<AuthStepView[]> {
    const auth = this.deps.auth;
    if (!auth) return [];
    return auth.loadSteps ? auth.loadSteps(id) : auth.steps(id);
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.close()));
    this.sessions.clear();
  }

  private open(row: ConnectorRow): void {
    const session = new ConnectorSession(row, this.sessionDeps);
    this.sessions.set(row.id, session);
    session.start();
  }

  private session(id: string): ConnectorSession {
    const session = this.sessions.get(id);
    if (!session) throw new ConnectorError('bad-config', `No connector with id ${id}.`);
    return session;
  }

  private async requireRow(id: string): Promise<ConnectorRow> {
    const row = await this.deps.connectors.get(id);
    if (!row) throw new ConnectorError('bad-config', `No connector with id ${id}.`);
    return row;
  }

  private syncOriginRules(rows: ConnectorRow[]): Promise<void> {
    return this.deps.syncOriginRules(rows.filter((row) => row.omitOrigin).map((row) => new URL(row.url).origin)).catch((error: unknown) => {
      console.error('Patchbay: could not update Origin header rules', error);
    });
  }
}
