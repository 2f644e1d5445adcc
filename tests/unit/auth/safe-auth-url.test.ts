import { describe, expect, it } from 'vitest';
import { UnsafeAuthUrlError } from '../../../lib/auth/auth-errors';
import { assertOpenableAuthorizationUrl, assertSafeAuthUrl } from '../../../lib/auth/safe-auth-url';

describe('assertSafeAuthUrl', () => {
  it.each([
    'https://auth.example/.well-known/oauth-authorization-server',
    'http://127.0.0.1:8080/token',
    'http://localhost:3000/.well-known/oauth-protected-resource',
    'http://[::1]:9000/register',
  ])('allows %s', (url) => {
    expect(assertSafeAuthUrl(url, 'discovery').href).toBe(new URL(url).href);
  });

  it.each([
    ['link-local IPv4', 'https://169.254.10.20/.well-known/oauth-authorization-server'],
    ['the AWS metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['link-local IPv6', 'https://[fe80::1]/token'],
    ['Alibaba metadata', 'https://100.100.100.200/latest/meta-data'],
    ['GCP metadata', 'https://metadata.google.internal/computeMetadata/v1/'],
    ['plain http off this machine', 'http://auth.example/token'],
    ['a non-web scheme', 'file:///etc/passwd'],
  ])('refuses %s', (_label, url) => {
    expect(() => assertSafeAuthUrl(url, 'discovery')).toThrow(UnsafeAuthUrlError);
  });
});

describe('assertOpenableAuthorizationUrl', () => {
  it('refuses to open a javascript: authorization URL', () => {
    expect(() => assertOpenableAuthorizationUrl(new URL('javascript:alert(1)'))).toThrow(UnsafeAuthUrlError);
  });

  it('opens an https one', () => {
    expect(assertOpenableAuthorizationUrl(new URL('https://auth.example/authorize')).protocol).toBe('https:');
  });
});
