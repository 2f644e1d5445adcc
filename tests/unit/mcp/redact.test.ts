import { describe, expect, it } from 'vitest';
import { REDACTED, redactDeep, redactHeaders } from '@/lib/mcp/redaction/redact';

describe('redactHeaders', () => {
  it('hides credentials (the MCP session id too) in a Headers object or a record, keeping the rest', () => {
    const headers = new Headers({
      Authorization: 'Bearer sk-secret',
      Cookie: 'sid=1',
      'X-Api-Key': 'k',
      'Proxy-Authorization': 'Basic x',
      'Content-Type': 'application/json',
      'Mcp-Session-Id': 'abc',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-api-key': REDACTED,
      'proxy-authorization': REDACTED,
      'content-type': 'application/json',
      'mcp-session-id': REDACTED,
    });
    expect(redactHeaders({ 'Set-Cookie': 'a=b', Accept: '*/*' })).toEqual({ 'Set-Cookie': REDACTED, Accept: '*/*' });
    expect(redactHeaders(undefined)).toEqual({});
  });

  it('also hides the connector’s own secret headers, whatever their case', () => {
    expect(redactHeaders({ 'X-Team-Secret': 't', 'X-Trace': 'ok' }, ['x-team-secret'])).toEqual({ 'X-Team-Secret': REDACTED, 'X-Trace': 'ok' });
  });
});

describe('redactDeep', () => {
  it('hides token-ish keys at any depth, in any naming style', () => {
    const frame = {
      params: {
        access_token: 'a',
        refresh_token: 'r',
        client_secret: 'c',
        password: 'p',
        apiKey: 'k',
        'api-key': 'k',
        authToken: 't',
        idToken: 'i',
        headers: { Authorization: 'Bearer x', cookie: 'c' },
        list: [{ token: 't', name: 'kept' }],
        tokens: 3,
        keyboard: 'kept',
        description: 'kept',
      },
    };
    expect(redactDeep(frame)).toEqual({
      params: {
        access_token: REDACTED,
        refresh_token: REDACTED,
        client_secret: REDACTED,
        password: REDACTED,
        apiKey: REDACTED,
        'api-key': REDACTED,
        authToken: REDACTED,
        idToken: REDACTED,
        headers: { Authorization: REDACTED, cookie: REDACTED },
        list: [{ token: REDACTED, name: 'kept' }],
        tokens: 3,
        keyboard: 'kept',
        description: 'kept',
      },
    });
    expect(frame.params.password).toBe('p');
  });
});
