import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/** Where a 401/403 challenge of the MCP server is noted (the connector's OAuth provider). */
export interface ChallengeObserver {
  noteChallenge(response: Response): void;
}

/**
 * Passes MCP traffic through unchanged, showing every 401 and 403 carrying `WWW-Authenticate`
 * to `observer` first. The SDK transport reads the challenge for its own retry but keeps it to
 * itself; the Sign in button, started later, needs the same resource metadata URL and scope.
 */
export function observeChallenges(inner: FetchLike, observer: ChallengeObserver): FetchLike {
  return async (url, init) => {
    const response = await inner(url, init);
    if ((response.status === 401 || response.status === 403) && response.headers.has('www-authenticate')) observer.noteChallenge(response);
    return response;
  };
}
