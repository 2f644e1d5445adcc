import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OAuthFlowError } from '../../../lib/auth/auth-errors';
import { AuthorizationCancelledError } from '../../../lib/auth/authorization-adapter';
import { createIdentityAuthorizationAdapter, firefoxLoopbackRedirect, oauthRedirectUris } from '../../../lib/auth/identity-authorization-adapter';

describe('firefoxLoopbackRedirect', () => {
  it("gives Firefox's loopback form of its redirect URI, and nothing for Chrome", () => {
    expect(firefoxLoopbackRedirect('https://0a1b2c3d.extensions.allizom.org/oauth')).toBe('http://127.0.0.1/mozoauth2/0a1b2c3d');
    expect(firefoxLoopbackRedirect('https://abcdefghijklmnop.chromiumapp.org/oauth')).toBeUndefined();
  });
});

describe('createIdentityAuthorizationAdapter', () => {
  const identity = fakeBrowser.identity as unknown as Record<string, unknown>;
  /** launchWebAuthFlow as a browser whose window ended with `outcome`. */
  const windowEnds = (outcome: () => Promise<string | undefined>) => {
    identity.getRedirectURL = (path = '') => `https://abcdefghijklmnop.chromiumapp.org/${path}`;
    identity.launchWebAuthFlow = outcome;
    return createIdentityAuthorizationAdapter().authorize(new URL('https://auth.example/authorize?state=s'));
  };

  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['Chrome', 'The user did not approve access.'],
    ['Firefox', 'User cancelled or denied access.'],
  ])("treats %s's closed-window message as a cancelled sign-in", async (_browser, message) => {
    await expect(windowEnds(() => Promise.reject(new Error(message)))).rejects.toBeInstanceOf(AuthorizationCancelledError);
  });

  it('reports any other failure as an error of the authorization step', async () => {
    const error = await windowEnds(() => Promise.reject(new Error('Authorization page could not be loaded.'))).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AuthorizationCancelledError);
    expect(error).toBeInstanceOf(OAuthFlowError);
    expect(error).toMatchObject({ code: 'flow-failed', step: 'authorization-request', message: expect.stringContaining('could not be loaded') });
  });

  it('resolves with the URL the server redirected to', async () => {
    const back = 'https://abcdefghijklmnop.chromiumapp.org/oauth?code=c&state=s';
    expect((await windowEnds(() => Promise.resolve(back))).href).toBe(back);
  });
});

describe('oauthRedirectUris', () => {
  const identity = fakeBrowser.identity as unknown as Record<string, unknown>;
  beforeEach(() => fakeBrowser.reset());

  it('names the one URI to register in Chrome, and both forms in Firefox', () => {
    identity.getRedirectURL = (path = '') => `https://abcdefghijklmnop.chromiumapp.org/${path}`;
    expect(oauthRedirectUris()).toEqual(['https://abcdefghijklmnop.chromiumapp.org/oauth']);
    identity.getRedirectURL = (path = '') => `https://0a1b2c3d.extensions.allizom.org/${path}`;
    expect(oauthRedirectUris()).toEqual(['https://0a1b2c3d.extensions.allizom.org/oauth', 'http://127.0.0.1/mozoauth2/0a1b2c3d']);
  });
});
