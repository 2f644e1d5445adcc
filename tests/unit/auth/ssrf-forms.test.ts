import { describe, expect, it } from 'vitest';
import { UnsafeAuthUrlError } from '../../../lib/auth/auth-errors';
import { assertSafeAuthUrl } from '../../../lib/auth/safe-auth-url';

/** Why a URL is refused: the message must name the reason, not only "unsafe". */
const WHY = {
  metadata: /cloud metadata/,
  linkLocal: /link-local/,
  unspecified: /unspecified address/,
  mapped: /IPv4-mapped IPv6/,
  compatible: /IPv4-compatible IPv6/,
  nat64: /NAT64/,
} as const;

// Every way of writing an address the OAuth flow must never reach; the URL parser normalises some
// (decimal, hex, octal, short forms, long IPv6), so both what a server writes and what the parser
// makes of it are listed.
const REFUSED: Array<[string, string, RegExp, string?]> = [
  ['AWS metadata, dotted', 'http://169.254.169.254/latest/meta-data/', WHY.metadata, '169.254.169.254'],
  ['AWS metadata, decimal', 'http://2852039166/latest/meta-data/', WHY.metadata, '169.254.169.254'],
  ['AWS metadata, hex', 'http://0xa9fea9fe/', WHY.metadata, '169.254.169.254'],
  ['AWS metadata, dotted hex', 'http://0xa9.0xfe.0xa9.0xfe/', WHY.metadata, '169.254.169.254'],
  ['AWS metadata, octal', 'http://0251.0376.0251.0376/', WHY.metadata, '169.254.169.254'],
  ['AWS metadata, short form', 'http://169.254.43518/', WHY.metadata, '169.254.169.254'],
  ['AWS metadata over https', 'https://169.254.169.254/', WHY.metadata],
  ['AWS metadata, IPv4-mapped', 'https://[::ffff:169.254.169.254]/', WHY.mapped, '169.254.169.254'],
  ['AWS metadata, IPv4-mapped as the parser rewrites it', 'https://[::ffff:a9fe:a9fe]/', WHY.mapped, '169.254.169.254'],
  ['AWS metadata, IPv4-mapped in full', 'https://[0:0:0:0:0:ffff:a9fe:a9fe]/', WHY.mapped, '169.254.169.254'],
  ['AWS metadata, IPv4-compatible', 'https://[::169.254.169.254]/', WHY.compatible, '169.254.169.254'],
  ['AWS metadata through NAT64', 'https://[64:ff9b::169.254.169.254]/', WHY.nat64, '169.254.169.254'],
  ['AWS metadata through NAT64, hex', 'https://[64:ff9b::a9fe:a9fe]/', WHY.nat64, '169.254.169.254'],
  ['loopback through NAT64', 'https://[64:ff9b::7f00:1]/', WHY.nat64, '127.0.0.1'],
  ['AWS metadata, IPv4-translated (SIIT)', 'https://[::ffff:0:a9fe:a9fe]/', /IPv4-translated IPv6/, '169.254.169.254'],
  ['AWS metadata, 6to4', 'https://[2002:a9fe:a9fe::1]/', /6to4/, '169.254.169.254'],
  ['AWS metadata, dotted with a trailing dot', 'http://169.254.169.254./', WHY.metadata],
  ['AWS metadata, upper-case hex', 'https://0XA9FEA9FE/', WHY.metadata, '169.254.169.254'],
  ['loopback, IPv4-compatible', 'https://[::127.0.0.1]/', WHY.compatible, '127.0.0.1'],
  ['the local-use NAT64 prefix', 'https://[64:ff9b:1::a9fe:a9fe]/', WHY.nat64],
  ['AWS IPv6 metadata', 'https://[fd00:ec2::254]/', WHY.metadata],
  ['AWS IPv6 metadata in full', 'https://[fd00:0ec2:0000:0000:0000:0000:0000:0254]/', WHY.metadata],
  ['AWS ECS task metadata', 'http://169.254.170.2/v2/credentials', WHY.metadata],
  ['Alibaba metadata', 'https://100.100.100.200/latest/meta-data', WHY.metadata],
  ['GCP metadata', 'https://metadata.google.internal/computeMetadata/v1/', WHY.metadata],
  ['GCP metadata, upper case with a trailing dot', 'https://METADATA.Google.Internal./computeMetadata/v1/', WHY.metadata],
  ['GCP metadata, short name', 'https://metadata.goog/', WHY.metadata],
  ['link-local IPv4', 'https://169.254.10.20/.well-known/oauth-authorization-server', WHY.linkLocal],
  ['link-local IPv4, decimal', 'https://2851998484/', WHY.linkLocal],
  ['link-local IPv4, IPv4-mapped', 'https://[::ffff:169.254.10.20]/', WHY.mapped],
  ['link-local IPv6', 'https://[fe80::1]/token', WHY.linkLocal],
  ['link-local IPv6, end of the range', 'https://[febf:ffff::1]/token', WHY.linkLocal],
  ['link-local IPv6, in full', 'https://[FE80:0000:0000:0000:0000:0000:0000:0001]/', WHY.linkLocal],
  ['0.0.0.0', 'https://0.0.0.0/token', WHY.unspecified],
  ['0.0.0.0 over http', 'http://0.0.0.0:8080/token', WHY.unspecified],
  ['0.0.0.0, as 0', 'https://0/token', WHY.unspecified],
  ['0.0.0.0/8', 'https://0.1.2.3/token', WHY.unspecified],
  ['[::]', 'https://[::]/token', WHY.unspecified],
  ['[::], in full', 'https://[0:0:0:0:0:0:0:0]/token', WHY.unspecified],
  ['loopback, IPv4-mapped', 'http://[::ffff:127.0.0.1]/token', WHY.mapped, '127.0.0.1'],
];

describe('the SSRF guard refuses every form of a forbidden address', () => {
  it.each(REFUSED)('%s: %s', (_label, url, why, named) => {
    let error: unknown;
    try {
      assertSafeAuthUrl(url, 'discovery');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsafeAuthUrlError);
    expect((error as Error).message).toMatch(why);
    if (named) expect((error as Error).message).toContain(named);
  });

  it.each([
    ['https://auth.example/.well-known/oauth-authorization-server'],
    ['http://127.0.0.1:8080/token'],
    ['http://0x7f.1/token'],
    ['http://localhost:3000/.well-known/oauth-protected-resource'],
    ['http://[::1]:9000/register'],
    ['https://[2001:db8::1]/token'],
    ['https://[64:ff9b::808:808]/token'],
    ['https://[2002:808:808::1]/token'],
    ['https://169.255.169.254/token'],
    ['https://metadata.example.com/token'],
  ])('still allows %s', (url) => {
    expect(assertSafeAuthUrl(url, 'discovery').href).toBe(new URL(url).href);
  });
});

describe('a remote server cannot point the flow at this machine', () => {
  const remote = { serverUrl: 'https://mcp.example/mcp' };
  it.each([
    'http://127.0.0.1:8080/token',
    'http://localhost:3000/.well-known/oauth-authorization-server',
    'http://[::1]:9000/register',
    'http://2130706433/token',
    'http://app.localhost/token',
  ])('refuses %s for a server elsewhere', (url) => {
    expect(() => assertSafeAuthUrl(url, 'token', remote)).toThrow(/loopback.*https:\/\/mcp\.example/);
  });

  it('allows loopback for a server on this machine', () => {
    expect(assertSafeAuthUrl('http://127.0.0.1:8080/token', 'token', { serverUrl: 'http://localhost:3001/mcp' }).port).toBe('8080');
  });
});
