/**
 * What a host names, as far as the OAuth guard cares: this machine (`loopback`), somewhere the
 * flow must never go (`refused`, with what it is in words: "a link-local address (…)"), or
 * anywhere else (`elsewhere`).
 * Every spelling the URL parser accepts is classified the same way: decimal, hex, octal and short
 * IPv4 forms, IPv6 in full or compressed, and IPv4 hidden inside IPv6 (mapped, compatible, NAT64).
 */
export type HostClass = { kind: 'loopback' } | { kind: 'refused'; reason: string } | { kind: 'elsewhere' };

/** Host names that answer with cloud credentials to anyone who can reach them. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

/** Metadata services at fixed addresses (AWS, Azure, GCP, OCI; AWS ECS; Alibaba). */
const METADATA_V4 = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200']);

/** AWS's IPv6 metadata address, fd00:ec2::254, as eight hextets. */
const METADATA_V6 = [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254];

export function classifyHost(hostname: string): HostClass {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host.includes(':')) {
    const v6 = parseIpv6(host);
    return v6 ? classifyIpv6(v6) : { kind: 'elsewhere' };
  }
  const v4 = parseIpv4(canonicalIpv4(host));
  if (v4) return classifyIpv4(v4);
  if (host === 'localhost' || host.endsWith('.localhost')) return { kind: 'loopback' };
  if (METADATA_NAMES.has(host) || host.endsWith('.metadata.google.internal')) return { kind: 'refused', reason: 'a cloud metadata endpoint' };
  return { kind: 'elsewhere' };
}

function classifyIpv4(octets: number[]): HostClass {
  const dotted = octets.join('.');
  const [a, b] = octets;
  if (a === 127) return { kind: 'loopback' };
  if (a === 0) return { kind: 'refused', reason: 'an unspecified address (0.0.0.0/8), which reaches this machine' };
  if (METADATA_V4.has(dotted)) return { kind: 'refused', reason: 'a cloud metadata address' };
  if (a === 169 && b === 254) return { kind: 'refused', reason: 'a link-local address (169.254.0.0/16)' };
  return { kind: 'elsewhere' };
}

function classifyIpv6(h: number[]): HostClass {
  const zeros = (from: number, to: number) => h.slice(from, to).every((x) => x === 0);
  const embedded = () => [h[6]! >> 8, h[6]! & 0xff, h[7]! >> 8, h[7]! & 0xff];
  /** What the IPv4 address inside says about itself, for the message. */
  const inner = () => {
    const v4 = embedded();
    const found = classifyIpv4(v4);
    const what = found.kind === 'refused' ? ` (${found.reason})` : found.kind === 'loopback' ? ' (loopback)' : '';
    return `${v4.join('.')}${what}`;
  };
  if (zeros(0, 8)) return { kind: 'refused', reason: 'the unspecified address (::), which reaches this machine' };
  if (zeros(0, 7) && h[7] === 1) return { kind: 'loopback' };
  if (zeros(0, 5) && h[5] === 0xffff) return { kind: 'refused', reason: `an IPv4-mapped IPv6 address for ${inner()}, which would slip past the IPv4 checks` };
  if (zeros(0, 4) && h[4] === 0xffff && h[5] === 0) return { kind: 'refused', reason: `an IPv4-translated IPv6 address (::ffff:0:0:0/96) for ${inner()}, which would slip past the IPv4 checks` };
  if (h[0] === 0x2002) {
    const v4 = [h[1]! >> 8, h[1]! & 0xff, h[2]! >> 8, h[2]! & 0xff];
    const found = classifyIpv4(v4);
    if (found.kind !== 'elsewhere') return { kind: 'refused', reason: `a 6to4 address (2002::/16) for ${v4.join('.')} (${found.kind === 'refused' ? found.reason : 'loopback'})` };
  }
  if (zeros(0, 6)) return { kind: 'refused', reason: `an IPv4-compatible IPv6 address for ${inner()}, deprecated and never a real server` };
  if (h[0] === 0x64 && h[1] === 0xff9b && zeros(2, 6)) {
    if (classifyIpv4(embedded()).kind !== 'elsewhere') return { kind: 'refused', reason: `a NAT64 address (64:ff9b::/96) that reaches ${inner()}` };
    return { kind: 'elsewhere' };
  }
  if (h[0] === 0x64 && h[1] === 0xff9b && h[2] === 1) return { kind: 'refused', reason: 'in the local-use NAT64 prefix (64:ff9b:1::/48), which may reach any address of the local network' };
  if (h.every((x, i) => x === METADATA_V6[i])) return { kind: 'refused', reason: 'a cloud metadata address' };
  if ((h[0]! & 0xffc0) === 0xfe80) return { kind: 'refused', reason: 'a link-local address (fe80::/10)' };
  return { kind: 'elsewhere' };
}

/**
 * The URL parser's reading of an IPv4 host (`2852039166`, `0xa9.0xfe.0xa9.0xfe`, `0251.…`,
 * `169.254.43518` all become `169.254.169.254`), so a bare host name gets the same answer as a URL.
 */
function canonicalIpv4(host: string): string {
  if (!/^[0-9a-fx.]+$/.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host;
  }
}

function parseIpv4(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((x) => x <= 255) ? octets : null;
}

/** Eight hextets from an IPv6 literal (compressed or not, with or without a dotted IPv4 tail). */
function parseIpv6(host: string): number[] | null {
  let text = host.replace(/%.*$/, '');
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail) {
    const v4 = parseIpv4(tail[1]!);
    if (!v4) return null;
    text = `${text.slice(0, -tail[1]!.length)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const head = part(halves[0]!);
  const rest = halves.length === 2 ? part(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}
