import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ErrorCode, ToolListChangedNotificationSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ConnectorRow } from '../../db/rows';
import { declineServerRequests } from './decline-server-requests';
import { ConnectorError, classifyConnectError, isSessionExpired } from './connector-error';
import type { ConnectorAuth } from '../auth/connector-auth';
import { isConnectionLost, isStreamGivenUp } from './connection-lost';
import type { ConnectionUse, ConnectorSessionDeps } from './connector-session-deps';
import type { ConnectorStatus } from '../../contract/connector-status';
import { dialConnector } from './dial-connector';
import { EventIdTracker } from '../transport/event-id-tracker';
import { listAllTools } from '../catalog/list-all-tools';
import type { OpenConnection } from '../transport/open-connection';
import { reconnectDelay } from './reconnect-delay';
import { fingerprintTools, mergeToolCatalog, type ToolCatalogUpdate } from '../catalog/tool-catalog';
import { CoalescedRefresh } from './coalesced-refresh';
import { scrubText, urlSecrets, withoutUrlSecrets } from '../redaction/url-credentials';
import { sessionPatch } from './session-patch';
import { watchContextNotices } from '../context/watch-context-notices';

/**
 * One connector's MCP session in the background: connects (resuming a persisted session when the
 * server still has it), keeps its tool catalog fresh, re-initializes when the server forgets the
 * session, and reconnects with backoff after failures.
 */
export class ConnectorSession {
  private connection: OpenConnection | null = null;
  private connecting: Promise<OpenConnection> | null = null;
  private status: ConnectorStatus = { state: 'connecting', attempt: 0 };
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  /** Bumped by every restart: an attempt begun before it is stale and starts over. */
  private generation = 0;
  /** Aborts every fetch of the current attempt and its connection: a restart never waits on them. */
  private lifetime = new AbortController();
  /** Stores the last event id of the current connection's GET stream (see `lastEventId`). */
  private eventIds: EventIdTracker | null = null;
  /** Refreshes nobody clicked for (after connect, on `list_changed`) coalesce: one in flight, at most one to follow. */
  private readonly backgroundRefresh = new CoalescedRefresh(() => this.refreshTools({ userInitiated: false }));

  constructor(
    private row: ConnectorRow,
    private readonly deps: ConnectorSessionDeps,
  ) {}

  get id(): string {
    return this.row.id;
  }

  /** The server this session talks to; tokens belong to it and to no other. */
  get url(): string {
    return this.row.url;
  }

  get currentStatus(): ConnectorStatus {
    return this.status;
  }

  /** Starts connecting in the background; failures land in the status, not in the caller. */
  start(): void {
    void this.ensureConnected().catch(() => undefined);
  }

  /** Drops the connection and connects again now (after an edit, a grant, or a user's retry). */
  async restart(row: ConnectorRow = this.row): Promise<void> {
    this.row = row;
    this.generation += 1;
    this.lifetime.abort(new ConnectorError('bad-config', 'The connector was restarted.'));
    await this.drop();
    this.attempt = 0;
    this.start();
  }

  /** Closes for good: a connect under way is cut short and waited for, so nothing it stores lands after. */
  async close(): Promise<void> {
    this.closed = true;
    this.lifetime.abort(new ConnectorError('bad-config', 'The connector was removed.'));
    await this.connecting?.catch(() => undefined);
    await this.drop();
  }

  /** Runs the OAuth sign-in, then connects with the new tokens. */
  async signIn(): Promise<'signed-in' | 'cancelled'> {
    const auth = this.requireAuth();
    const outcome = await withoutUrlSecrets(auth.signIn(this.row, this.deps.fetch), this.row.url);
    if (outcome === 'signed-in') await this.restart();
    return outcome;
  }

  /** Forgets (and revokes where possible) the tokens; the connector then needs sign-in again. */
  async signOut(): Promise<void> {
    const auth = this.requireAuth();
    await this.drop();
    await auth.signOut(this.row, this.deps.fetch);
    await this.deps.persist(this.row.id, { sessionId: null, lastEventId: null });
    this.row = { ...this.row, sessionId: null, lastEventId: null };
    this.setStatus({ state: 'needs-auth', reason: 'Signed out.' });
  }

  private requireAuth(): ConnectorAuth {
    if (this.row.auth !== 'oauth' || !this.deps.auth) throw new ConnectorError('bad-config', `${this.row.label} does not use OAuth.`);
    return this.deps.auth;
  }

  /**
   * Fetches every page of the tool list, stores it with fingerprints, and returns the update. A
   * refresh the user asked for may open a sign-in window; a background one never does.
   */
  async refreshTools({ userInitiated }: { userInitiated: boolean }): Promise<ToolCatalogUpdate> {
    const tools = await withoutUrlSecrets(this.withConnection((client) => listAllTools(client), { retryOnExpiry: true, interactive: userInitiated }), this.row.url);
    return this.storeTools(tools, { userInitiated });
  }

  /** The connector as this session knows it (its timeouts, tools and the server's capabilities). */
  get connector(): ConnectorRow {
    return this.row;
  }

  /**
   * Runs one request on this session's connection (see `withConnection`), with URL secrets kept
   * out of any error; tool calls, tasks and the log level build on it (session-requests.ts).
   */
  use<T>(run: (client: Client) => Promise<T>, how: ConnectionUse): Promise<T> {
    return withoutUrlSecrets(this.withConnection(run, how), this.row.url);
  }

  /** Answers a request a previous worker got, only on that same (resumed) session; true when sent. */
  async answerStaleRequest(requestId: string | number, result: Record<string, unknown>): Promise<boolean> {
    const connection = await this.ensureConnected();
    if (connection.resumed) await connection.transport.send({ jsonrpc: '2.0', id: requestId, result });
    return connection.resumed;
  }

  private async withConnection<T>(run: (client: Client) => Promise<T>, { retryOnExpiry, interactive, signal }: ConnectionUse): Promise<T> {
    const connection = await this.ensureConnected();
    const authorized = (client: Client, { transport }: OpenConnection) =>
      this.deps.auth ? this.deps.auth.runAuthorized(this.row, { transport, fetch: this.deps.fetch, interactive }, () => run(client)) : run(client);
    try {
      return await authorized(connection.client, connection);
    } catch (error) {
      if (await this.deps.auth?.needsSignIn(this.row, error)) {
        this.setStatus({ state: 'needs-auth', reason: 'The server asks you to sign in again.' });
        throw new ConnectorError('unauthorized', 'Sign in to use this connector.', 401, { cause: error });
      }
      if (isConnectionLost(error, signal)) throw this.connectionLost(connection, classifyConnectError(error, this.row));
      // A concurrent call that met the expiry first closed this connection under us: same cause.
      const replaced = connection !== this.connection && (error as { code?: unknown }).code === ErrorCode.ConnectionClosed;
      if (connection.protocol !== 'streamable-http' || !(isSessionExpired(error) || replaced)) throw error;
      // The server forgot our session: start a new one (unless a concurrent call already did);
      // repeat the request only if it was a read.
      if (connection === this.connection) {
        this.row = { ...this.row, sessionId: null, lastEventId: null };
        await this.drop();
        await this.deps.persist(this.row.id, { sessionId: null, lastEventId: null });
      }
      const fresh = await this.ensureConnected();
      if (retryOnExpiry) return authorized(fresh.client, fresh);
      throw new ConnectorError('protocol-error', 'The server lost the session during this call, so it may not have run. A new session was started; the call was not repeated because it may change data.', 404, { cause: error });
    }
  }

  private ensureConnected(): Promise<OpenConnection> {
    if (this.connection) return Promise.resolve(this.connection);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<OpenConnection> {
    clearTimeout(this.retryTimer);
    if (this.closed) throw new ConnectorError('bad-config', 'The connector was removed.');
    const { row, generation } = this;
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
    const lifetime = this.lifetime.signal;
    this.setStatus({ state: 'connecting', attempt: this.attempt });
    if (!(await this.deps.hasHostPermission(row.url))) {
      this.setStatus({ state: 'permission-needed', origin: new URL(row.url).origin });
      throw new ConnectorError('bad-config', `Patchbay has no permission to reach ${new URL(row.url).origin}.`);
    }
    const headers = await this.deps.readHeaders(row);
    const eventIds = new EventIdTracker((lastEventId) => {
      if (generation === this.generation) this.row = { ...this.row, lastEventId };
      return this.deps.persist(row.id, { lastEventId });
    });
    try {
      const connection = await dialConnector({ row, deps: this.deps, headers, lifetime, eventIds, prepareClient: (client) => this.prepareClient(client) });
      if (this.closed || generation !== this.generation) {
        eventIds.stop();
        await connection.client.close();
        if (this.closed) throw new ConnectorError('bad-config', 'The connector was removed.');
        // Edited (or restarted) while this attempt ran: connect again with what is current now.
        return this.connect();
      }
      this.connection = connection;
      this.eventIds = eventIds;
      this.attempt = 0;
      connection.client.onclose = () => void this.lost(connection, 'The connection closed.');
      connection.client.onerror = (error) => {
        if (isStreamGivenUp(error)) this.connectionLost(connection, new ConnectorError('unreachable', `Lost the event stream from ${row.url}: ${error.message}`, null, { cause: error }));
      };
      await this.rememberSession(connection, eventIds);
      this.setStatus({ state: 'connected', transport: connection.protocol, since: Date.now() });
      void this.backgroundRefresh.request();
      return connection;
    } catch (error) {
      eventIds.stop();
      if (this.closed) throw error;
      if (generation !== this.generation) return this.connect();
      if (await this.deps.auth?.needsSignIn(row, error)) {
        this.setStatus({ state: 'needs-auth', reason: 'The server requires you to sign in.' });
        throw new ConnectorError('unauthorized', 'Sign in to use this connector.', 401, { cause: error });
      }
      const classified = classifyConnectError(error, row);
      if (this.status.state !== 'permission-needed') this.fail(classified);
      throw classified;
    }
  }

  private prepareClient(client: Client): Client {
    if (this.deps.serveRequests) this.deps.serveRequests(client, () => ({ id: this.row.id, label: this.row.label, url: this.row.url }));
    else declineServerRequests(client);
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void this.backgroundRefresh.request());
    watchContextNotices(client, (notice) => {
      // Apps' cached pages are resources too: a changed list makes them stale.
      if (notice.kind === 'resources-changed') this.deps.onResourcesChanged?.(this.row.id);
      this.deps.onContextNotice?.(this.row.id, notice);
    });
    return client;
  }

  private async rememberSession(connection: OpenConnection, eventIds: EventIdTracker): Promise<void> {
    const patch = sessionPatch(connection, this.row, eventIds.latest);
    this.row = { ...this.row, ...patch };
    await this.deps.persist(this.row.id, patch);
  }

  /**
   * Merges the list into the stored row, not into `this.row`: the user's switches (and anything
   * else written since this session connected) live there, and a refresh must keep them.
   */
  private async storeTools(tools: Tool[], { userInitiated }: { userInitiated: boolean }): Promise<ToolCatalogUpdate> {
    const fingerprints = await fingerprintTools(tools);
    let update: ToolCatalogUpdate | undefined;
    await this.deps.persistWith(this.row.id, (stored) => (update = mergeToolCatalog(stored, { tools, fingerprints, now: Date.now(), userInitiated })).patch);
    if (!update) throw new ConnectorError('bad-config', `${this.row.label} was removed.`);
    this.row = { ...this.row, ...update.patch };
    return update;
  }

  private async lost(connection: OpenConnection, reason: string): Promise<void> {
    if (this.connection !== connection || this.closed) return;
    this.connection = null;
    void this.stopEventIds();
    this.fail(new ConnectorError('unreachable', reason));
  }

  /**
   * The server is gone (a request found nothing listening, or a 5xx, or the GET stream gave up):
   * drop the connection, show `error` and reconnect with backoff. Returns `error` for the caller.
   */
  private connectionLost(connection: OpenConnection, error: ConnectorError): ConnectorError {
    // Another call (or the stream) already noticed, or a restart replaced the connection.
    if (this.connection !== connection || this.closed) return error;
    this.connection = null;
    void this.stopEventIds();
    this.fail(error);
    void connection.client.close().catch(() => undefined);
    return error;
  }

  private fail(error: ConnectorError): void {
    const delay = this.closed ? null : (this.deps.reconnectDelay ?? reconnectDelay)(error.code, this.attempt);
    this.attempt += 1;
    this.setStatus({ state: 'error', code: error.code, reason: error.message, retryAt: delay === null ? null : Date.now() + delay });
    if (delay !== null) this.retryTimer = setTimeout(() => this.start(), delay);
  }

  private async drop(): Promise<void> {
    clearTimeout(this.retryTimer);
    const connection = this.connection;
    this.connection = null;
    await this.stopEventIds();
    await connection?.client.close().catch(() => undefined);
  }

  /** Writes the last event id not yet stored, and stops watching the old connection's stream. */
  private async stopEventIds(): Promise<void> {
    const tracker = this.eventIds;
    this.eventIds = null;
    tracker?.stop();
    await tracker?.flush();
  }

  private setStatus(status: ConnectorStatus): void {
    if ('reason' in status) status = { ...status, reason: scrubText(status.reason, urlSecrets(this.row.url)) };
    this.status = status;
    this.deps.onStatus(this.row.id, status);
  }
}

