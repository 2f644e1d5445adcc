import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OAuthFlowError, UnsafeAuthUrlError } from '../../../lib/auth/auth-errors';
import { AuthorizationCancelledError } from '../../../lib/auth/authorization-adapter';
import { createIdentityAuthorizationAdapter } from '../../../lib/auth/identity-authorization-adapter';

const REDIRECT = 'https://abcdef.chromiumapp.org/oauth';

function adapterWith(launch: (details: { url: string; interactive?: boolean }) => Promise<string | undefined>) {
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT);
  const spy = vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(launch as never);
  return { adapter: createIdentityAuthorizationAdapter(), spy };
}

describe('createIdentityAuthorizationAdapter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('registers the identity redirect URL and resolves with where the server sent the window', async () => {
    const { adapter, spy } = adapterWith(async () => `${REDIRECT}?code=c&state=s`);
    expect(adapter.redirectUrl).toBe(REDIRECT);
    const back = await adapter.authorize(new URL('https://auth.example/authorize?state=s'));
    expect(back.searchParams.get('code')).toBe('c');
    expect(spy).toHaveBeenCalledWith({ url: 'https://auth.example/authorize?state=s', interactive: true });
  });

  it('turns a closed window into AuthorizationCancelledError', async () => {
    const { adapter } = adapterWith(() => Promise.reject(new Error('The user did not approve access.')));
    await expect(adapter.authorize(new URL('https://auth.example/authorize'))).rejects.toBeInstanceOf(AuthorizationCancelledError);
  });

  it('reports other failures as an OAuth error', async () => {
    const { adapter } = adapterWith(() => Promise.reject(new Error('Authorization page could not be loaded.')));
    await expect(adapter.authorize(new URL('https://auth.example/authorize'))).rejects.toBeInstanceOf(OAuthFlowError);
  });

  it('never opens a URL that is not http(s)', async () => {
    const { adapter, spy } = adapterWith(async () => REDIRECT);
    await expect(adapter.authorize(new URL('javascript:alert(1)'))).rejects.toBeInstanceOf(UnsafeAuthUrlError);
    expect(spy).not.toHaveBeenCalled();
  });
});
