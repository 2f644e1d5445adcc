import type { PortLike } from '@/lib/messaging/port-like';

/** Two connected ends of a runtime port, delivering messages synchronously, structured-cloned. */
export function createFakePortPair(name: string, senderId: string | undefined, senderUrl = `chrome-extension://${senderId}/sidepanel.html`) {
  const listeners = {
    a: { message: [] as ((m: unknown) => void)[], disconnect: [] as (() => void)[] },
    b: { message: [] as ((m: unknown) => void)[], disconnect: [] as (() => void)[] },
  };
  let connected = true;
  // A panel end whose other side is gone while the panel has not heard yet: posts vanish.
  let deaf = false;
  const end = (self: 'a' | 'b', other: 'a' | 'b', sender?: { id?: string; url?: string }): PortLike => ({
    name,
    sender,
    postMessage(message) {
      if (!connected) throw new Error('Attempting to use a disconnected port object');
      if (deaf && self === 'a') return;
      const copy = structuredClone(message);
      for (const listener of listeners[other].message) listener(copy);
    },
    disconnect() {
      if (!connected) return;
      connected = false;
      for (const listener of listeners[other].disconnect) listener();
    },
    onMessage: { addListener: (l) => void listeners[self].message.push(l) },
    onDisconnect: { addListener: (l) => void listeners[self].disconnect.push(l) },
  });
  return { panelEnd: end('a', 'b'), backgroundEnd: end('b', 'a', { id: senderId, url: senderUrl }), deafen: () => void (deaf = true) };
}
