import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { OAuthFlowError } from '../../auth/auth-errors';
import type { ConnectorErrorCode } from '../../contract/connector-status';

/** A connection or request failure, classified so the UI can say what to do about it. */
export class ConnectorError extends Error {
  override readonly name = 'ConnectorError';

  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly httpStatus: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The server forgot our session (HTTP 404 on a request carrying its id). */
export function isSessionExpired(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}

/** The HTTP status the SDK attached to a transport error, if any. */
export function httpStatusOf(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number' && code >= 100 && code < 600) return code;
  const match = /\bHTTP (\d{3})\b|\((\d{3})\)|status(?: code)? (\d{3})/i.exec(error instanceof Error ? error.message : '');
  const status = match ? Number(match[1] ?? match[2] ?? match[3]) : NaN;
  return Number.isNaN(status) ? null : status;
}

/** Turns whatever connecting threw into a {@link ConnectorError} with advice. */
export function classifyConnectError(error: unknown, context: { url: string; omitOrigin: boolean; auth?: string }): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const refusal = oauthFlowErrorIn(error);
  if (refusal !== null) {
    return new ConnectorError('unauthorized', `Sign-in stopped at ${refusal.step}: ${refusal.message}`, null, { cause: error });
  }
  const status = httpStatusOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (status === 401) return new ConnectorError('unauthorized', `The server requires authentication (401). Check the token or headers. ${detail}`, 401, { cause: error });
  if (status === 403 && !context.omitOrigin) {
    // A 403 does not say why: with credentials it may be them, and the Origin guard is a guess either way.
    const credentials = context.auth === 'bearer' || context.auth === 'headers' || context.auth === 'oauth';
    return new ConnectorError(
      'origin-rejected',
      `The server refused the request (403 Forbidden). ${credentials ? 'It may not accept this connector’s credentials; or, as ' : 'As '}many local servers do to guard against DNS rebinding, it may refuse requests whose Origin is a browser extension. If you trust this server, turn on “Send requests without the Origin header” in this connector’s settings.`,
      403,
      { cause: error },
    );
  }
  if (status !== null) return new ConnectorError('http-error', `The server answered HTTP ${status}: ${detail}`, status, { cause: error });
  if ((error as { code?: unknown } | null)?.code === ErrorCode.RequestTimeout) {
    return new ConnectorError('unreachable', `${context.url} accepted the connection but did not answer in time. Is it an MCP server, and is it busy?`, null, { cause: error });
  }
  if (error instanceof TypeError || /fetch failed|Failed to fetch|NetworkError|ECONNREFUSED|network/i.test(detail)) {
    return new ConnectorError('unreachable', `Could not reach ${context.url}. Is the server running, and is the URL right? (${detail})`, null, { cause: error });
  }
  return new ConnectorError('protocol-error', `The server did not speak MCP as expected: ${detail}`, null, { cause: error });
}

/** An OAuth refusal, itself or as the cause of what the transport threw: its reason is the news. */
function oauthFlowErrorIn(error: unknown): OAuthFlowError | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    if (current instanceof OAuthFlowError) return current;
  }
  return null;
}
