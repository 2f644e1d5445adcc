import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { OAuthFlowError, UnsafeAuthUrlError } from '@/lib/auth/auth-errors';
import { classifyConnectError, httpStatusOf, isSessionExpired } from '@/lib/mcp/session/connector-error';

const context = { url: 'http://127.0.0.1:9/mcp', omitOrigin: false };

describe('classifyConnectError', () => {
  it('names the cases the user can act on', () => {
    expect(classifyConnectError(new StreamableHTTPError(401, 'Unauthorized'), context).code).toBe('unauthorized');
    expect(classifyConnectError(new StreamableHTTPError(403, 'Forbidden'), context)).toMatchObject({
      code: 'origin-rejected',
      httpStatus: 403,
      message: expect.stringContaining('Send requests without the Origin header'),
    });
    expect(classifyConnectError(new StreamableHTTPError(403, 'Forbidden'), { ...context, omitOrigin: true }).code).toBe('http-error');
    expect(classifyConnectError(new StreamableHTTPError(502, 'Bad Gateway'), context)).toMatchObject({ code: 'http-error', httpStatus: 502 });
  });

  it('does not blame the Origin alone for a 403 when the connector sends credentials', () => {
    const anonymous = classifyConnectError(new StreamableHTTPError(403, 'Forbidden'), { ...context, auth: 'none' }).message;
    expect(anonymous).not.toContain('credentials');
    const withToken = classifyConnectError(new StreamableHTTPError(403, 'Forbidden'), { ...context, auth: 'bearer' });
    expect(withToken).toMatchObject({ code: 'origin-rejected', message: expect.stringContaining('may not accept this connector’s credentials') });
  });

  it('tells an unreachable server from a silent one and from one that does not speak MCP', () => {
    expect(classifyConnectError(new TypeError('fetch failed'), context).code).toBe('unreachable');
    const silent = classifyConnectError(new McpError(ErrorCode.RequestTimeout, 'Request timed out'), context);
    expect(silent).toMatchObject({ code: 'unreachable', message: expect.stringContaining('did not answer in time') });
    expect(classifyConnectError(new SyntaxError('Unexpected token < in JSON'), context).code).toBe('protocol-error');
  });
});

describe('classifyConnectError with OAuth refusals', () => {
  it('passes the reason of an OAuth refusal on, itself or as a cause, instead of an HTTP status', () => {
    const refusal = new UnsafeAuthUrlError('discovery', 'The discovery URL http://169.254.169.254/x was refused as unsafe: link-local.');
    expect(classifyConnectError(refusal, context)).toMatchObject({ code: 'unauthorized', message: 'Sign-in stopped at discovery: ' + refusal.message });
    const wrapped = new Error('HTTP 404 from somewhere', { cause: new OAuthFlowError('pkce-unsupported', 'authorization-request', 'No S256.') });
    expect(classifyConnectError(wrapped, context).message).toBe('Sign-in stopped at authorization-request: No S256.');
  });
});

describe('httpStatusOf', () => {
  it('reads the status the SDK attached, or one stated in the message', () => {
    expect(httpStatusOf(new StreamableHTTPError(404, 'Session not found'))).toBe(404);
    expect(httpStatusOf(new Error('Error POSTing to endpoint (HTTP 500): boom'))).toBe(500);
    expect(httpStatusOf(new McpError(ErrorCode.RequestTimeout, 'x'))).toBeNull();
    expect(isSessionExpired(new StreamableHTTPError(404, 'gone'))).toBe(true);
    expect(isSessionExpired(new StreamableHTTPError(400, 'bad'))).toBe(false);
  });
});
