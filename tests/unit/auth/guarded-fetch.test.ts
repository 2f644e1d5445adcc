import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { describe, expect, it } from 'vitest';
import { UnsafeAuthUrlError } from '../../../lib/auth/auth-errors';
import type { AuthStep } from '../../../lib/contract/auth-step';
import { guardedAuthFetch } from '../../../lib/auth/guarded-fetch';

/** Answers each URL from a table; records what was asked. */
function scripted(routes: Record<string, () => Response>) {
  const asked: string[] = [];
  const fetch: FetchLike = async (input, init) => {
    asked.push(String(input));
    expect(init?.redirect).toBe('manual');
    return routes[String(input)]?.() ?? new Response('missing', { status: 404 });
  };
  return { fetch, asked };
}

const redirect = (location: string, status = 302) => () => new Response(null, { status, headers: { location } });

describe('guardedAuthFetch', () => {
  it('never contacts a link-local discovery URL', async () => {
    const { fetch, asked } = scripted({});
    const steps: AuthStep[] = [];
    const guarded = guardedAuthFetch(fetch, (step) => steps.push(step));
    await expect(guarded('http://169.254.169.254/.well-known/oauth-authorization-server')).rejects.toThrow(UnsafeAuthUrlError);
    expect(asked).toEqual([]);
    expect(steps).toMatchObject([{ step: 'authorization-server-metadata', outcome: 'failed' }]);
  });

  it('checks each redirect hop before following it', async () => {
    const { fetch, asked } = scripted({
      'https://auth.example/.well-known/oauth-authorization-server': redirect('https://auth.example/elsewhere'),
      'https://auth.example/elsewhere': redirect('http://169.254.169.254/latest/meta-data/'),
    });
    await expect(guardedAuthFetch(fetch)('https://auth.example/.well-known/oauth-authorization-server')).rejects.toThrow(UnsafeAuthUrlError);
    expect(asked).toEqual(['https://auth.example/.well-known/oauth-authorization-server', 'https://auth.example/elsewhere']);
  });

  it('follows safe redirects to the answer', async () => {
    const { fetch } = scripted({
      'https://auth.example/a': redirect('/b', 307),
      'https://auth.example/b': () => new Response('{"ok":true}', { status: 200 }),
    });
    const response = await guardedAuthFetch(fetch)('https://auth.example/a', { method: 'POST', body: 'grant_type=authorization_code' });
    expect(await response.json()).toEqual({ ok: true });
  });

  it('refuses a redirect it cannot see (the browser hides opaque redirects)', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, headers: new Headers(), ok: false, body: null } as unknown as Response;
    const fetch: FetchLike = async () => opaque;
    await expect(guardedAuthFetch(fetch)('https://auth.example/token')).rejects.toThrow(UnsafeAuthUrlError);
  });
});

describe('guardedAuthFetch for a remote MCP server', () => {
  const remote = { serverUrl: 'https://mcp.example/mcp' };

  it('never contacts a loopback discovery or token URL the remote server named', async () => {
    const { fetch, asked } = scripted({});
    const guarded = guardedAuthFetch(fetch, undefined, remote);
    await expect(guarded('http://127.0.0.1:8080/.well-known/oauth-authorization-server')).rejects.toThrow(/loopback.*https:\/\/mcp\.example/);
    await expect(guarded('http://localhost:8080/token', { method: 'POST', body: 'grant_type=authorization_code' })).rejects.toThrow(/loopback/);
    expect(asked).toEqual([]);
  });

  it('refuses a redirect hop to loopback', async () => {
    const { fetch, asked } = scripted({ 'https://auth.example/token': redirect('http://[::1]:9000/token', 307) });
    await expect(guardedAuthFetch(fetch, undefined, remote)('https://auth.example/token', { method: 'POST', body: 'x' })).rejects.toThrow(/loopback/);
    expect(asked).toEqual(['https://auth.example/token']);
  });

  it('lets a server on this machine use an authorization server on this machine', async () => {
    const { fetch } = scripted({ 'http://127.0.0.1:8080/token': () => new Response('{}', { status: 200 }) });
    const response = await guardedAuthFetch(fetch, undefined, { serverUrl: 'http://127.0.0.1:3001/mcp' })('http://127.0.0.1:8080/token');
    expect(response.status).toBe(200);
  });
});
