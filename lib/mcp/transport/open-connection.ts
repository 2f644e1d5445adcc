import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { TransportKindSchema } from '../../contract/connector-kinds';
import type { z } from 'zod';
import { type Authorize, finishTransportAuth, withAuthorizationRetry } from '../../auth/with-authorization-retry';
import { httpStatusOf, isSessionExpired } from '../session/connector-error';
import { reopenEventStream } from './reopen-event-stream';
import { createTransport, type WireProtocol } from './create-transport';
import { watchEventIds } from './watch-event-ids';

/** A session persisted by an earlier worker, to resume instead of initializing again. */
export interface ResumableSession {
  protocol: WireProtocol;
  sessionId: string;
  protocolVersion: string;
  /** The last event id seen on the session's GET stream: sent as `Last-Event-ID` when reopening it. */
  lastEventId: string | null;
}

export interface OpenConnectionOptions {
  url: string;
  transport: z.infer<typeof TransportKindSchema>;
  fetch: FetchLike;
  headers: Record<string, string>;
  resume: ResumableSession | null;
  /** Makes a fresh client; called once per attempt so a failed attempt leaves nothing behind. */
  createClient(): Client;
  /** Lets the caller record frames and watch the transport before it starts. */
  prepareTransport(transport: Transport): Transport;
  /** OAuth for this connector (see `createConnectorOAuthProvider`), handed to both transports. */
  authProvider?: OAuthClientProvider;
  /**
   * Runs the authorization step when the server needs a sign-in. Pass it only when the user
   * asked to connect or sign in; without it a needed sign-in throws `NeedsAuthorizationError`
   * (the connector shows Needs sign-in) instead of opening a window.
   */
  authorize?: Authorize;
  /** Told the id of each event on the Streamable HTTP GET stream, to resume it after a restart. */
  onEventId?(id: string): void;
}

/** A live, initialized (or resumed) connection. */
export interface OpenConnection {
  client: Client;
  transport: Transport;
  protocol: WireProtocol;
  /** True when an earlier session was resumed rather than a new one initialized. */
  resumed: boolean;
  /** The protocol version agreed at `initialize` (or the resumed session's). */
  protocolVersion: string | null;
}

/**
 * Whether a failed Streamable HTTP `initialize` means "try legacy SSE": the spec's
 * backwards-compatibility section says any 4xx. Except 401 (the server wants a sign-in, whatever
 * its transport) and 403 (an Origin refusal or missing scope, which SSE would meet too).
 */
export function fallsBackToSse(status: number | null): boolean {
  return status !== null && status >= 400 && status < 500 && status !== 401 && status !== 403;
}

/**
 * Connects the way the spec's backwards-compatibility section describes: resume a persisted
 * session if the server still knows it; otherwise POST `initialize` (Streamable HTTP) and, for
 * `auto`, fall back to the legacy SSE transport when the server answers a 4xx (see {@link fallsBackToSse}).
 */
export async function openConnection(options: OpenConnectionOptions): Promise<OpenConnection> {
  if (options.resume?.protocol === 'streamable-http' && options.transport !== 'sse') {
    const resumed = await tryResume(options, options.resume);
    if (resumed) return resumed;
  }
  if (options.transport === 'sse') return initialize(options, 'sse');
  try {
    return await initialize(options, 'streamable-http');
  } catch (error) {
    if (options.transport !== 'auto' || !fallsBackToSse(httpStatusOf(error))) throw error;
    try {
      return await initialize(options, 'sse');
    } catch {
      throw error;
    }
  }
}

/**
 * Runs one connection attempt, signing in when it ends in the SDK's `UnauthorizedError`: the
 * code is redeemed on the attempt's transport (the client closed it, but its OAuth state stands),
 * and the next attempt starts fresh with the new tokens.
 */
function withSignIn<T>(options: OpenConnectionOptions, attempt: (created: (transport: Transport) => void) => Promise<T>): Promise<T> {
  let last: Transport | null = null;
  return withAuthorizationRetry(() => attempt((transport) => (last = transport)), {
    provider: options.authProvider,
    authorize: options.authorize,
    fetch: options.fetch,
    finishAuth: (code) => {
      if (last === null) throw new Error('No transport to complete the sign-in on.');
      return finishTransportAuth(last, code);
    },
  });
}

function initialize(options: OpenConnectionOptions, protocol: WireProtocol): Promise<OpenConnection> {
  return withSignIn(options, (created) => initializeOnce(options, protocol, created));
}

/** The transport's fetch: on Streamable HTTP, event ids on the GET stream are reported. */
function transportOptions(options: OpenConnectionOptions, protocol: WireProtocol): OpenConnectionOptions {
  const { onEventId } = options;
  return protocol === 'streamable-http' && onEventId ? { ...options, fetch: watchEventIds(options.fetch, onEventId) } : options;
}

async function initializeOnce(options: OpenConnectionOptions, protocol: WireProtocol, created: (transport: Transport) => void): Promise<OpenConnection> {
  const transport = options.prepareTransport(createTransport(protocol, transportOptions(options, protocol)));
  created(transport);
  // The SSE transport has no getter for the version the client hands it after initialize.
  let protocolVersion: string | null = null;
  const setProtocolVersion = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version) => ((protocolVersion = version), setProtocolVersion?.(version));
  const client = options.createClient();
  try {
    await client.connect(transport);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return { client, transport, protocol, resumed: false, protocolVersion };
}

/** Resumes with the stored session id; a server that forgot it (404) means a fresh initialize. */
function tryResume(options: OpenConnectionOptions, session: ResumableSession): Promise<OpenConnection | null> {
  return withSignIn(options, (created) => tryResumeOnce(options, session, created));
}

async function tryResumeOnce(options: OpenConnectionOptions, session: ResumableSession, created: (transport: Transport) => void): Promise<OpenConnection | null> {
  const transport = options.prepareTransport(createTransport('streamable-http', { ...transportOptions(options, 'streamable-http'), sessionId: session.sessionId }));
  created(transport);
  const client = options.createClient();
  try {
    // With a session id on the transport, connect() skips initialize.
    await client.connect(transport);
    (transport as StreamableHTTPClientTransport).setProtocolVersion(session.protocolVersion);
    await client.ping();
  } catch (error) {
    await client.close().catch(() => undefined);
    if (isSessionExpired(error) || httpStatusOf(error) === 400) return null;
    throw error;
  }
  // Reopen the server-to-client stream that died with the old worker (list_changed arrives there).
  void reopenEventStream(transport as StreamableHTTPClientTransport, session.lastEventId);
  return { client, transport, protocol: 'streamable-http', resumed: true, protocolVersion: session.protocolVersion };
}
