import { COMMAND_CHANNEL_HELLO, type ChannelPortLike } from './channel-port-like';
import { isOwnExtensionPage, type OwnExtension } from './own-extension';
import type { PanelPortHub } from './panel-port-hub';

/** What a service worker's `message` event carries that this listener reads. */
interface HelloEvent {
  data: unknown;
  origin: string;
  ports: readonly ChannelPortLike[];
  source: { url?: unknown; type?: unknown } | null;
}

interface MessageScope {
  addEventListener(type: 'message', listener: (event: HelloEvent) => void): void;
}

/** True in Chrome's background service worker; false in Firefox's event page, a window. */
function isServiceWorkerScope(scope: unknown): scope is MessageScope {
  const constructor = (globalThis as { ServiceWorkerGlobalScope?: abstract new () => unknown }).ServiceWorkerGlobalScope;
  return typeof constructor === 'function' && scope instanceof constructor;
}

/**
 * Takes the direct command channels the panel opens (see `openWorkerChannel`) and hands each to
 * the port hub, which answers commands on it through the same router and checks. Only a window of
 * Patchbay's own pages may open one: the same rule as for runtime ports, read from the client the
 * browser names (a web page cannot reach this worker at all; a content script's `navigator` is its
 * page's). Registered in a service worker only: an event page is a window, whose `message` event
 * any frame holding a reference to it could raise.
 */
export function acceptWorkerChannels(scope: unknown, own: OwnExtension, hub: Pick<PanelPortHub, 'acceptChannel'>): void {
  if (!isServiceWorkerScope(scope)) return;
  scope.addEventListener('message', (event) => {
    if ((event.data as { type?: unknown } | null)?.type !== COMMAND_CHANNEL_HELLO) return;
    const [channel] = event.ports;
    if (!channel) return;
    const url = typeof event.source?.url === 'string' ? event.source.url : undefined;
    const sender = { id: own.id, url };
    if (event.ports.length !== 1 || event.source?.type !== 'window' || `${event.origin}/` !== own.origin || !isOwnExtensionPage(sender, own)) {
      event.ports.forEach((port) => port.close());
      return;
    }
    hub.acceptChannel(channel, { id: own.id, url: url! });
  });
}
