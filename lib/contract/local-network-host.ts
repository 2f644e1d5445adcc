import { classifyHost } from './host-address';

/**
 * True for this machine and the usual private networks (10/8, 172.16/12, 192.168/16, 100.64/10,
 * fc00::/7, single-label names, `.local`, `.lan`, `.internal`, `.home.arpa`): where a model server
 * is a developer's own, and a 403 is far more often its Origin guard than a key problem.
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (classifyHost(host).kind === 'loopback') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) return /^f[cd][0-9a-f]{0,2}:/.test(host);
  return !host.includes('.') || /\.(local|lan|internal|home\.arpa)$/.test(host);
}
