import { z } from 'zod';
import type { ChannelPortLike } from './channel-port-like';
import { isOwnExtensionPage, type OwnExtension } from './own-extension';
import type { PortLike } from './port-like';
import {
  PANEL_PORT_NAME,
  PanelToBackgroundSchema,
  type BackgroundToPanel,
  type PanelToBackground,
} from './panel-port-protocol';

/**
 * The background's side of the panel ports: accepts only Patchbay's own panels, parses every
 * message, answers pings, and broadcasts events. A malformed message earns a `rejected` reply
 * and is otherwise ignored; it never throws out of a listener.
 */
export class PanelPortHub {
  private readonly ports = new Set<PortLike>();
  private commands: PortCommandRouter | null = null;

  constructor(
    private readonly own: OwnExtension,
    private readonly workerStartedAt: number,
  ) {}

  /** Listener for `runtime.onConnect`. */
  readonly accept = (port: PortLike): void => {
    if (port.name !== PANEL_PORT_NAME) return;
    if (!isOwnExtensionPage(port.sender, this.own)) {
      port.disconnect();
      return;
    }
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.ports.delete(port));
    port.onMessage.addListener((message) => this.receive(port, message));
  };

  /**
   * A panel's direct channel to this worker (see `acceptWorkerChannels`): it carries pings,
   * commands and their replies, parsed and routed exactly as on the port; events stay on the port,
   * which is also how the panel learns this worker died. The first message says which worker
   * answers, so the panel uses the channel only with the worker its port reached.
   */
  acceptChannel(channel: ChannelPortLike, sender: { id: string; url: string }): void {
    const end: PanelEnd = { sender, postMessage: (message) => postCloned(channel, message) };
    channel.onmessage = ({ data }) => this.receive(end, data);
    post(end, { type: 'channel-ready', workerStartedAt: this.workerStartedAt });
  }

  /** Answers `command` messages through `route` (the same router `runtime.onMessage` uses). */
  serveCommands(route: PortCommandRouter): void {
    this.commands = route;
  }

  broadcast(event: BackgroundToPanel): void {
    for (const port of this.ports) post(port, event);
  }

  private receive(port: PanelEnd, raw: unknown): void {
    const parsed = PanelToBackgroundSchema.safeParse(raw);
    if (!parsed.success) {
      post(port, { type: 'rejected', code: 'malformed-message', detail: z.prettifyError(parsed.error) });
      return;
    }
    this.handle(port, parsed.data);
  }

  private handle(port: PanelEnd, message: PanelToBackground): void {
    switch (message.type) {
      case 'ping':
        post(port, { type: 'pong', sentAt: message.sentAt, workerStartedAt: this.workerStartedAt });
        return;
      case 'command':
        this.command(port, message.requestId, message.message);
        return;
    }
  }

  private command(port: PanelEnd, requestId: string, envelope: unknown): void {
    const reply = (answer: unknown) => post(port, { type: 'command-reply', requestId, reply: answer });
    post(port, { type: 'command-received', requestId });
    const routed = this.commands?.(envelope, port.sender ?? {});
    if (!routed) {
      reply({ ok: false, error: { code: 'bad-request', message: 'Not a command this background answers on its port.' } });
      return;
    }
    // The router turns every failure into a reply; a rejection here would be a bug, still answered.
    routed.then(reply, (error: unknown) => reply({ ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } }));
  }
}

/** The command router's listener shape: a reply for a command envelope, `undefined` for anything else. */
export type PortCommandRouter = (message: unknown, sender: { id?: string; url?: string }) => Promise<unknown> | undefined;

/** Where the hub answers a panel: its runtime port, or its direct channel. */
type PanelEnd = Pick<PortLike, 'postMessage' | 'sender'>;

/**
 * A channel copies by structured clone where a runtime port copies as JSON: a reply holding
 * something only JSON can carry (a `toJSON` object) goes as its JSON copy, as it would on the port.
 */
function postCloned(channel: ChannelPortLike, message: unknown): void {
  try {
    channel.postMessage(message);
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name !== 'DataCloneError') throw error;
    channel.postMessage(JSON.parse(JSON.stringify(message)));
  }
}

/** A port whose panel just closed throws on post; that panel no longer needs the event. */
function post(port: PanelEnd, event: BackgroundToPanel): void {
  try {
    port.postMessage(event);
  } catch {
    // The disconnect listener removes the port.
  }
}
