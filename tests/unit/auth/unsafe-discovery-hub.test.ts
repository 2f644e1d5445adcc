import { afterEach, describe, expect, it } from 'vitest';
import { fakeOAuthServer } from './fake-oauth-server';
import { hubWithOAuth } from './hub-oauth-harness';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('a challenge naming an unsafe discovery URL', () => {
  it('never contacts it, and the connector says the discovery URL was refused as unsafe', async () => {
    const server = fakeOAuthServer({ challengeResourceMetadata: 'http://169.254.169.254/latest/meta-data' });
    const harness = await hubWithOAuth(server.fetch);
    cleanup = harness.close;
    await harness.hub.start();
    await harness.waitForState('error');
    const status = harness.statuses.at(-1);
    // Not an opaque "ServerError 404", and no retry loop: the user must fix the server or the URL.
    expect(status).toMatchObject({ state: 'error', code: 'unauthorized', retryAt: null, reason: expect.stringMatching(/^Sign-in stopped at discovery: The discovery URL .* was refused as unsafe/) });
    expect(status?.state === 'error' && status.reason).toContain('169.254.169.254');
    expect(server.seen.some((request) => request.url.includes('169.254.169.254'))).toBe(false);
    expect(harness.windows).toEqual([]);
  });
});

describe('a remote server pointing the flow at this machine', () => {
  it('refuses a challenge naming loopback resource metadata, and never contacts it', async () => {
    const server = fakeOAuthServer({ challengeResourceMetadata: 'http://127.0.0.1:9/.well-known/oauth-protected-resource' });
    const harness = await hubWithOAuth(server.fetch);
    cleanup = harness.close;
    await harness.hub.start();
    await harness.waitForState('error');
    expect(harness.statuses.at(-1)).toMatchObject({ state: 'error', code: 'unauthorized', reason: expect.stringMatching(/refused as unsafe.*loopback/) });
    expect(server.seen.some((request) => request.url.startsWith('http://127.0.0.1'))).toBe(false);
  });

  it('refuses metadata whose token endpoint is on loopback, before sending the code there', async () => {
    const server = fakeOAuthServer({ metadata: { token_endpoint: 'http://localhost:9/token' } });
    const harness = await hubWithOAuth(server.fetch);
    cleanup = harness.close;
    await harness.hub.start();
    await harness.waitForState('needs-auth');
    await expect(harness.hub.signIn(harness.id)).rejects.toThrow(/loopback/);
    expect(server.seen.some((request) => request.url.startsWith('http://localhost'))).toBe(false);
  });
});

describe('a remote server pointing the sign-in window at this machine or a metadata address', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:9/authorize', /loopback/],
    ['the metadata address', 'http://[::ffff:169.254.169.254]/authorize', /IPv4-mapped IPv6.*169\.254\.169\.254/],
  ])('never opens a window on %s', async (_label, endpoint, why) => {
    const server = fakeOAuthServer({ metadata: { authorization_endpoint: endpoint } });
    const harness = await hubWithOAuth(server.fetch);
    cleanup = harness.close;
    await harness.hub.start();
    // Refused as soon as the flow builds the request, at connect: no Sign in is offered for it.
    await harness.waitForState('error');
    expect(harness.statuses.at(-1)).toMatchObject({ code: 'unauthorized', reason: expect.stringMatching(why) });
    await expect(harness.hub.signIn(harness.id)).rejects.toThrow(why);
    expect(harness.windows).toEqual([]);
  });
});
