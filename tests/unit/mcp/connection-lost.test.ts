import { describe, expect, it } from 'vitest';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { isConnectionLost, isStreamGivenUp } from '@/lib/mcp/session/connection-lost';

const refused = () => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });

describe('isConnectionLost', () => {
  it('nothing answered, or a 5xx: the server is gone', () => {
    expect(isConnectionLost(refused())).toBe(true);
    expect(isConnectionLost(new TypeError('Failed to fetch'))).toBe(true);
    expect(isConnectionLost(new TypeError('NetworkError when attempting to fetch resource.'))).toBe(true);
    expect(isConnectionLost(new StreamableHTTPError(500, 'Error POSTing to endpoint: boom'))).toBe(true);
    expect(isConnectionLost(new StreamableHTTPError(503, 'Error POSTing to endpoint: busy'))).toBe(true);
    expect(isConnectionLost(new Error('Maximum reconnection attempts (5) exceeded.'))).toBe(true);
  });

  it('anything else fails only the request', () => {
    expect(isConnectionLost(new StreamableHTTPError(404, 'Error POSTing to endpoint: Session not found'))).toBe(false);
    expect(isConnectionLost(new StreamableHTTPError(400, 'Bad request'))).toBe(false);
    expect(isConnectionLost(new McpError(ErrorCode.RequestTimeout, 'Request timed out'))).toBe(false);
    expect(isConnectionLost(new McpError(ErrorCode.InternalError, 'The tool failed (500)'))).toBe(false);
    expect(isConnectionLost(new McpError(ErrorCode.ConnectionClosed, 'Connection closed'))).toBe(false);
    expect(isConnectionLost(new DOMException('The operation was aborted.', 'AbortError'))).toBe(false);
    expect(isConnectionLost(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isConnectionLost('fetch failed')).toBe(false);
  });

  it('a cancelled call is a cancel, even when the fetch under it failed', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isConnectionLost(refused(), controller.signal)).toBe(false);
  });
});

describe('isStreamGivenUp', () => {
  it('is the SDK giving up on its GET stream, not a single failed reconnect', () => {
    expect(isStreamGivenUp(new Error('Maximum reconnection attempts (5) exceeded.'))).toBe(true);
    expect(isStreamGivenUp(new Error('Failed to reconnect SSE stream: fetch failed'))).toBe(false);
  });
});
