import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ConnectorRow } from '../../db/rows';
import type { ConnectorAuth } from '../auth/connector-auth';
import type { ConnectorStatus } from '../../contract/connector-status';
import type { reconnectDelay } from './reconnect-delay';
import type { WireEvent } from '../protocol-log/wire-event';
import type { ToolTask } from '../../contract/tool-task';
import type { CallInFlight } from '../../requests/calls-in-flight';
import type { ServeServerRequests } from '../../requests/serve-server-requests';
import type { ContextNotice } from '../../contract/resource-view';

/** What a session needs from the outside world; the hub passes real adapters, tests fakes. */
export interface ConnectorSessionDeps {
  fetch: FetchLike;
  /** Credentials to send; read at each connect so an edit takes effect on reconnect. */
  readHeaders(connector: ConnectorRow): Promise<Record<string, string>>;
  hasHostPermission(url: string): Promise<boolean>;
  persist(connectorId: string, patch: Partial<ConnectorRow>): Promise<void>;
  /** Merges a patch computed from the stored row in one transaction; `undefined` when it was removed. */
  persistWith(connectorId: string, change: (stored: ConnectorRow) => Partial<ConnectorRow>): Promise<ConnectorRow | undefined>;
  record(connectorId: string, event: WireEvent): void;
  onStatus(connectorId: string, status: ConnectorStatus): void;
  /** OAuth for connectors that use it; absent where no connector can (tests of other kinds). */
  auth?: ConnectorAuth;
  /** The server's prompt and resource notifications (lists changed, a subscribed resource updated). */
  onContextNotice?(connectorId: string, notice: ContextNotice): void;
  /** `notifications/resources/list_changed` arrived: cached resources (apps' pages) are stale. */
  onResourcesChanged?(connectorId: string): void;
  /** The wait before an automatic reconnect; defaults to {@link reconnectDelay} (tests shorten it). */
  reconnectDelay?: typeof reconnectDelay;
  /**
   * Sets the server-request handlers (elicitation, sampling) on each new client, which hand every
   * request to a person through the broker. Absent (a hub with nobody to ask), every elicitation is declined.
   */
  serveRequests?: ServeServerRequests;
}

/** Per-call options from the caller: cancellation, progress, and the task a server answered with. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Which call this is (chat or hand run), so a server request that arrives during it is shown beside it. */
  caller?: CallInFlight;
  onProgress?(progress: { progress: number; total?: number; message?: string }): void;
  /** Each state of the call's task (created, then every poll), so the caller can store it. */
  onTask?(task: ToolTask): void;
}

/** How one request runs on a session's connection. */
export interface ConnectionUse {
  /**
   * Repeat the request on a new session if the server forgot the old one mid-request: only for
   * reads, since anything else may already have run.
   */
  retryOnExpiry: boolean;
  /** The user started it, so a 401 or a step-up may open a sign-in window. */
  interactive: boolean;
  /** The request's own cancellation (an abort is not a lost connection). */
  signal?: AbortSignal;
}
