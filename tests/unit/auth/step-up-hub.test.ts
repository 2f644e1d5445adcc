import { afterEach, describe, expect, it } from 'vitest';
import { OAuthFlowError } from '../../../lib/auth/auth-errors';
import { fakeOAuthServer } from './fake-oauth-server';
import { signedInHubWithOAuth } from './hub-oauth-harness';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Signed in with the scope the server first asks for, connected. */
async function signedIn(serverOptions: Parameters<typeof fakeOAuthServer>[0]) {
  const server = fakeOAuthServer({ challengeScope: 'files:read', ...serverOptions });
  const harness = await signedInHubWithOAuth(server.fetch);
  cleanup = harness.close;
  return { server, ...harness };
}

/** The scope asked for in each authorization request, in order. */
const askedScopes = (windows: URL[]) => windows.map((url) => url.searchParams.get('scope'));

describe('step-up in a conversation', () => {
  it('answers a 403 insufficient_scope on tools/call with a second sign-in for the wider scope, then returns the result', async () => {
    const { hub, id, windows, server } = await signedIn({ toolScopes: { write_file: 'files:write' } });
    expect(askedScopes(windows)).toEqual(['files:read']);
    const result = await hub.callTool(id, 'write_file', {}, {});
    expect(result.content).toEqual([{ type: 'text', text: 'called write_file' }]);
    expect(askedScopes(windows)).toEqual(['files:read', 'files:read files:write']);
    // A refresh cannot widen a token: the step-up asked the user, it did not just refresh.
    const grants = server.seen.filter((r) => r.url.endsWith('/token')).map((r) => new URLSearchParams(r.body ?? '').get('grant_type'));
    expect(grants).toEqual(['authorization_code', 'authorization_code']);
  });

  it('gives up with a retry-limit OAuthFlowError when the server keeps refusing, without hanging', async () => {
    // The scope it asks for is one it never grants.
    const { hub, id, windows } = await signedIn({ toolScopes: { write_file: 'files:write' }, neverGrant: ['files:write'] });
    const error = await hub.callTool(id, 'write_file', {}, {}).catch((e: unknown) => e);
    const flowError = findFlowError(error);
    expect(flowError?.code).toBe('retry-limit');
    expect(windows.length).toBeLessThanOrEqual(3);
  });
});

/** The OAuthFlowError itself, or the one a wrapper carries as its cause. */
function findFlowError(error: unknown): OAuthFlowError | undefined {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    if (current instanceof OAuthFlowError) return current;
  }
  return undefined;
}
