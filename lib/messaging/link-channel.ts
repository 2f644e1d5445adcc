import type { ChannelPortLike } from './channel-port-like';
import { BackgroundToPanelCheck } from './background-to-panel-check';
import type { BackgroundToPanel, PanelToBackground } from './panel-port-protocol';
import type { PortLike } from './port-like';

/** How long a channel lives on after its port closed, so answers the worker sent before it died still land. */
export const CHANNEL_DRAIN_MS = 10;

/** What a channel hands back to the link: only the command traffic; events come on the port. */
export type ChannelReply = Extract<BackgroundToPanel, { type: 'command-received' | 'command-reply' }>;

/**
 * The panel's direct channel to the worker (see `openWorkerChannel`), bound to one runtime port:
 * usable once the worker that took it says it is the worker that answered that port's ping, and
 * never again once that port closes. Everything arriving on it is parsed like port traffic.
 */
export class LinkChannel {
  private ready = false;
  private retired = false;

  constructor(
    private readonly channel: ChannelPortLike,
    readonly port: PortLike,
    private readonly workerStartedAt: number,
    onReply: (reply: ChannelReply) => void,
  ) {
    channel.onmessage = ({ data }) => {
      const parsed = BackgroundToPanelCheck.safeParse(data);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.type === 'channel-ready') {
        if (event.workerStartedAt === this.workerStartedAt && !this.retired) this.ready = true;
        else this.close();
      } else if (event.type === 'command-received' || event.type === 'command-reply') onReply(event);
    };
  }

  /** True when a command may go on this channel now. */
  get usable(): boolean {
    return this.ready && !this.retired;
  }

  postMessage(message: PanelToBackground): void {
    this.channel.postMessage(message);
  }

  /** No new commands; answers already on their way are still read for `CHANNEL_DRAIN_MS`. */
  retire(): void {
    this.retired = true;
    setTimeout(() => this.close(), CHANNEL_DRAIN_MS);
  }

  close(): void {
    this.retired = true;
    this.ready = false;
    this.channel.onmessage = null;
    this.channel.close();
  }
}
