import { afterEach, describe, expect, it } from 'vitest';
import { fakeOAuthServer } from './fake-oauth-server';
import { signedInHubWithOAuth } from './hub-oauth-harness';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('refresh on 401', () => {
  it('renews a token the server stopped accepting (not expired by the clock) with the refresh token, opening no window', async () => {
    const server = fakeOAuthServer();
    const harness = await signedInHubWithOAuth(server.fetch);
    cleanup = harness.close;
    expect((await harness.store.read(harness.id)).tokens?.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    const windowsBefore = harness.windows.length;

    server.revoke('access-1');
    server.seen.length = 0;
    const result = await harness.hub.callTool(harness.id, 'echo', {}, {});

    expect(result.content).toEqual([{ type: 'text', text: 'called echo' }]);
    const token = server.seen.filter((request) => request.url.endsWith('/token')).map((request) => new URLSearchParams(request.body ?? ''));
    expect(token.map((form) => form.get('grant_type'))).toEqual(['refresh_token']);
    expect(token[0]?.get('refresh_token')).toBe('refresh-1');
    expect(harness.windows.length).toBe(windowsBefore);
    expect(server.seen.filter((request) => request.url === 'https://mcp.example/mcp').at(-1)?.authorization).toBe('Bearer access-2');
  });
});
