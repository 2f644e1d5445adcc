import { COMMAND_CHANNEL_HELLO, type ChannelPortLike } from './channel-port-like';

/** The part of `navigator.serviceWorker` the panel uses. */
interface ServiceWorkerContainerLike {
  getRegistration(): Promise<{ active: { postMessage(message: unknown, transfer: unknown[]): void } | null } | undefined>;
}

/**
 * Opens a direct `MessageChannel` to the extension's service worker, where there is one (Chrome):
 * a message on it stays inside the extension's process, where a runtime port's goes through the
 * browser process both ways (0.3–0.6 ms a round trip against under 0.1 ms, measured in Chromium).
 * `null` where the background is not a service worker (Firefox's event page) or none is active:
 * the panel then keeps sending on its runtime port.
 */
export async function openWorkerChannel(container: ServiceWorkerContainerLike | undefined = globalThis.navigator?.serviceWorker): Promise<ChannelPortLike | null> {
  if (!container || typeof MessageChannel !== 'function') return null;
  const worker = await container.getRegistration().then((registration) => registration?.active ?? null, () => null);
  if (!worker) return null;
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ type: COMMAND_CHANNEL_HELLO }, [port2]);
  return port1 as unknown as ChannelPortLike;
}
