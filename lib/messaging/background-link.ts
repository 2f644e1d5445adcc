import type { ChannelPortLike } from './channel-port-like';
import { releaseCommandCarrier, registerCommandCarrier } from './command-carrier';
import { CHANNEL_DRAIN_MS, LinkChannel, type ChannelReply } from './link-channel';
import type { PortLike } from './port-like';
import { BackgroundToPanelCheck } from './background-to-panel-check';
import { PANEL_PING_INTERVAL_MS, PANEL_PORT_NAME } from './panel-port-constants';
import type { BackgroundToPanel, PanelToBackground } from './panel-port-protocol';

/** Whether the panel can currently reach the background through its port. */
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting';

/** A snapshot for views: `session` grows on every (re)connect, so queries keyed on it re-run. */
export interface LinkState {
  status: LinkStatus;
  session: number;
  workerStartedAt: number | null;
}

const RECONNECT_DELAYS_MS = [100, 250, 500, 1_000, 2_000, 5_000];

interface PendingCommand {
  port: PortLike;
  /** Sent on the port's direct channel: its answer may still be in flight when the port closes. */
  onChannel: boolean;
  /** The background said it has the command (`command-received`). */
  received: boolean;
  /** Sends the command another way, if the port closes before the background received it. */
  resend(): Promise<unknown>;
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

/**
 * The panel's end of its port to the background. Keeps the port open (pinging every ~20 s so the
 * Chrome worker stays alive), reconnects with backoff when the worker dies, and tells subscribers
 * so they re-query what they show.
 */
export class BackgroundLink {
  private port: PortLike | null = null;
  private state: LinkState = { status: 'connecting', session: 0, workerStartedAt: null };
  private readonly stateListeners = new Set<(state: LinkState) => void>();
  private readonly eventListeners = new Set<(event: BackgroundToPanel) => void>();
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private closed = false;
  private readonly pending = new Map<string, PendingCommand>();
  private nextRequest = 0;
  private channel: LinkChannel | null = null;

  /**
   * `openChannel` opens the direct channel to the worker where there is one (`openWorkerChannel`);
   * without it, or where it gives `null`, commands go on the port.
   */
  constructor(
    private readonly connect: (name: string) => PortLike,
    private readonly openChannel: () => Promise<ChannelPortLike | null> = async () => null,
  ) {}

  start(): void {
    this.closed = false;
    this.open();
    this.pingTimer = setInterval(() => this.ping(), PANEL_PING_INTERVAL_MS);
    registerCommandCarrier(this);
  }

  stop(): void {
    this.closed = true;
    clearInterval(this.pingTimer);
    clearTimeout(this.reconnectTimer);
    const port = this.port;
    this.port = null;
    port?.disconnect();
    this.channel?.close();
    this.channel = null;
    if (port) this.failPending(port);
    releaseCommandCarrier(this);
  }

  /**
   * Sends a command envelope (on the port's direct channel once it is up, else on the port) and
   * resolves with the background's reply; `null` when the
   * port is not connected (the caller sends it another way). A port that closes before the
   * background received it (a worker that died before the panel heard) hands it to `resend`; one
   * that closes after fails it, since it may have run.
   */
  request(envelope: unknown, resend: (envelope: unknown) => Promise<unknown>): Promise<unknown> | null {
    const port = this.port;
    if (!port || this.state.status !== 'connected') return null;
    const requestId = `c${++this.nextRequest}`;
    const channel = this.channel?.port === port && this.channel.usable ? this.channel : null;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { port, onChannel: channel !== null, received: false, resend: () => resend(envelope), resolve, reject });
      try {
        (channel ?? port).postMessage({ type: 'command', requestId, message: envelope } satisfies PanelToBackground);
      } catch (error) {
        this.pending.delete(requestId);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  get snapshot(): LinkState {
    return this.state;
  }

  onState(listener: (state: LinkState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onEvent(listener: (event: BackgroundToPanel) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  private open(): void {
    try {
      const port = this.connect(PANEL_PORT_NAME);
      this.port = port;
      port.onMessage.addListener((raw) => this.receive(raw));
      port.onDisconnect.addListener(() => this.lost(port));
      this.ping();
    } catch {
      this.scheduleReconnect();
    }
  }

  private ping(): void {
    const message: PanelToBackground = { type: 'ping', sentAt: Date.now() };
    try {
      this.port?.postMessage(message);
    } catch {
      if (this.port) this.lost(this.port);
    }
  }

  private receive(raw: unknown): void {
    const parsed = BackgroundToPanelCheck.safeParse(raw);
    if (!parsed.success) return;
    const event = parsed.data;
    if (event.type === 'command-received' || event.type === 'command-reply') {
      this.commandTraffic(event);
      return;
    }
    if (event.type === 'pong' && this.state.status !== 'connected') {
      this.attempts = 0;
      this.setState({ status: 'connected', session: this.state.session + 1, workerStartedAt: event.workerStartedAt });
      void this.startChannel(event.workerStartedAt);
    }
    for (const listener of this.eventListeners) listener(event);
  }

  private commandTraffic(event: ChannelReply): void {
    const waiting = this.pending.get(event.requestId);
    if (event.type === 'command-received') {
      if (waiting) waiting.received = true;
      return;
    }
    this.pending.delete(event.requestId);
    waiting?.resolve(event.reply);
  }

  /** Opens the direct channel for the port that just connected, bound to the worker that answered it. */
  private async startChannel(workerStartedAt: number): Promise<void> {
    const port = this.port;
    const opened = await this.openChannel().catch(() => null);
    if (!opened) return;
    if (!port || this.port !== port || this.closed) {
      opened.close();
      return;
    }
    this.channel?.close();
    this.channel = new LinkChannel(opened, port, workerStartedAt, (reply) => this.commandTraffic(reply));
  }

  private lost(port: PortLike): void {
    this.failPending(port, { onChannel: false });
    if (this.channel?.port === port) {
      // Answers the worker sent on the channel before it died may still be queued: read them first.
      this.channel.retire();
      this.channel = null;
      setTimeout(() => this.failPending(port, { onChannel: true }), CHANNEL_DRAIN_MS);
    }
    if (this.port !== port) return;
    this.port = null;
    if (this.closed) return;
    this.setState({ ...this.state, status: 'reconnecting' });
    this.scheduleReconnect();
  }

  /** Fails what was sent on `port` (only what went on its channel, or only the rest, when `onChannel` says). */
  private failPending(port: PortLike, { onChannel }: { onChannel?: boolean } = {}): void {
    for (const [id, waiting] of this.pending) {
      if (waiting.port !== port || (onChannel !== undefined && waiting.onChannel !== onChannel)) continue;
      this.pending.delete(id);
      if (!waiting.received) waiting.resolve(waiting.resend());
      else waiting.reject(new Error('The background closed the port before it answered.'));
    }
  }

  private scheduleReconnect(): void {
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempts, RECONNECT_DELAYS_MS.length - 1)]!;
    this.attempts += 1;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  private setState(next: LinkState): void {
    this.state = next;
    for (const listener of this.stateListeners) listener(next);
  }
}
