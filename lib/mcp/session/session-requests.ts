import { CallToolResultSchema, type CallToolResult, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { LogLevel } from '../../contract/log-level';
import { callToolAsTask } from '../tasks/call-tool-as-task';
import { followToolTask } from '../tasks/follow-tool-task';
import type { ConnectorSession } from './connector-session';
import type { CallOptions } from './connector-session-deps';
import { DEFAULT_MAX_TOTAL_TIMEOUT_MS, withinTotalDeadline } from './tool-call-deadline';

/** How a tool call goes out: repeated on a new session if it is a read, and as a task if the tool allows. */
export interface ToolCallMode {
  retryOnExpiry: boolean;
  asTask: boolean;
}

/**
 * Calls a tool; progress resets the timeout, but the connector's total deadline still ends it;
 * aborting (or the deadline) sends `notifications/cancelled` (for a task, `tasks/cancel`). With
 * `retryOnExpiry` (a read), a call the server lost with its session is repeated once on a new one.
 */
export function callToolOn(session: ConnectorSession, name: string, args: Record<string, unknown>, options: CallOptions & ToolCallMode): Promise<CallToolResult> {
  const row = session.connector;
  const total = row.maxTotalTimeoutMs ?? DEFAULT_MAX_TOTAL_TIMEOUT_MS;
  return withinTotalDeadline(total, options.signal, (signal) => {
    const request: RequestOptions & { signal: AbortSignal } = { signal, timeout: row.timeoutMs, resetTimeoutOnProgress: true, maxTotalTimeout: total, onprogress: options.onProgress };
    const params = { name, arguments: args };
    // A call is started by the user (by hand or in a conversation): a step-up may ask them to sign in.
    // Not `client.callTool`: its own output check throws the result away (and runs only after a
    // list in this session). The hub checks structured output itself and keeps the result.
    return session.use(
      (client) => (options.asTask ? callToolAsTask(client, params, request, { onTask: options.onTask, resultTimeoutMs: total }) : client.request({ method: 'tools/call', params }, CallToolResultSchema, request)),
      { retryOnExpiry: options.retryOnExpiry, interactive: true, signal },
    );
  });
}

/**
 * Follows a task an earlier worker started (its id was stored with the call), under the same total
 * deadline as a call. Polling is a read, so a session the server forgot is replaced and the polling
 * goes on; no sign-in window opens for it.
 */
export function followTaskOn(session: ConnectorSession, taskId: string, options: Pick<CallOptions, 'signal' | 'onTask'>): Promise<CallToolResult> {
  const total = session.connector.maxTotalTimeoutMs ?? DEFAULT_MAX_TOTAL_TIMEOUT_MS;
  return withinTotalDeadline(total, options.signal, (signal) =>
    session.use((client) => followToolTask(client, taskId, { signal, onTask: options.onTask, resultTimeoutMs: total }), { retryOnExpiry: true, interactive: false, signal }),
  );
}

/** Sends `logging/setLevel` on the session's connection. */
export function setLogLevelOn(session: ConnectorSession, level: LogLevel): Promise<void> {
  return session.use(async (client) => void (await client.setLoggingLevel(level)), { retryOnExpiry: true, interactive: false });
}

/** A read (prompts, resources, completion) with the connector's timeout; repeated once if the server forgot the session. */
export function requestOn<T>(session: ConnectorSession, run: (client: Client, options: RequestOptions) => Promise<T>): Promise<T> {
  return session.use((client) => run(client, { timeout: session.connector.timeoutMs }), { retryOnExpiry: true, interactive: true });
}

/** Reads one resource (an app's `ui://` page) without opening a sign-in window: a read, so repeated if the server forgot the session. */
export function readResourceOn(session: ConnectorSession, uri: string): Promise<ReadResourceResult> {
  return session.use((client) => client.readResource({ uri }, { timeout: session.connector.timeoutMs }), { retryOnExpiry: true, interactive: false });
}
