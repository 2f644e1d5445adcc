import { classifyHost } from './host-address';

/** True for `localhost`, 127.0.0.0/8 and ::1 in any spelling: this machine, where https is not required. */
export function isLoopbackHost(hostname: string): boolean {
  return classifyHost(hostname).kind === 'loopback';
}
