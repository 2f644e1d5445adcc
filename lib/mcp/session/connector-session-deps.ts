import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ConnectorRow } from '../../db/rows';
import type { ConnectorAuth } from '../auth/connector-auth';
import type { ConnectorStatus } from '../../contract/connector-status';
import type { reconnectDelay } from './reconnect-delay';
import type { WireEvent } from '../protocol-log/wire-event';

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
  /** `notifications/resources/list_changed` arrived: cached resources (apps' pages) are stale. */
  onResourcesChanged?(connectorId: string): void;
  /** The wait before an automatic reconnect; defaults to {@link reconnectDelay} (tests shorten it). */
  reconnectDelay?: typeof reconnectDelay;
}

/** Per-call options from the caller: cancellation and progress. */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?(progress: { progress: number; total?: number; message?: string }): void;
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
