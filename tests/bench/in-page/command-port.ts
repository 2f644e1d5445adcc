/**
 * Commands to the background as the panel sends them (lib/messaging/command-client and
 * background-link): on the direct channel to the service worker once the worker that answered the
 * `patchbay/panel` port's ping says it took it, on that port before, else as a one-off
 * `runtime.sendMessage`. Spoken by name here: the probes import nothing of Patchbay.
 */
interface Port {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): Port;
}

const runtime = () => (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime;

interface Carrier {
  postMessage(message: unknown): void;
}

let port: Promise<Carrier | null> | null = null;
const waiting = new Map<string, (reply: unknown) => void>();
let next = 0;

type Message = { type?: string; requestId?: string; reply?: unknown; workerStartedAt?: number };

function answer(message: Message): void {
  if (message.type === 'command-reply' && message.requestId) waiting.get(message.requestId)?.(message.reply);
}

/** The panel's direct channel to the worker that answered the port, or the port where there is none. */
async function channelOr(opened: Port, workerStartedAt: number | undefined): Promise<Carrier> {
  const worker = (await navigator.serviceWorker?.getRegistration())?.active;
  if (!worker) return opened;
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port1.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data.type === 'channel-ready') resolve(data.workerStartedAt === workerStartedAt ? port1 : opened);
      else answer(data);
    };
    worker.postMessage({ type: 'patchbay/command-channel' }, [port2]);
  });
}

function openPort(): Promise<Carrier | null> {
  return new Promise((resolve) => {
    const opened = runtime().connect({ name: 'patchbay/panel' });
    opened.onMessage.addListener((raw) => {
      const message = raw as Message;
      if (message.type === 'pong') resolve(channelOr(opened, message.workerStartedAt));
      answer(message);
    });
    opened.onDisconnect.addListener(() => {
      port = null;
      resolve(null);
    });
    opened.postMessage({ type: 'ping', sentAt: Date.now() });
  });
}

/** The raw reply to one command envelope. */
export async function sendEnvelope(envelope: unknown): Promise<unknown> {
  const open = await (port ??= openPort());
  if (!open) return runtime().sendMessage(envelope);
  const requestId = `bench-${++next}`;
  return new Promise((resolve) => {
    waiting.set(requestId, (reply) => {
      waiting.delete(requestId);
      resolve(reply);
    });
    open.postMessage({ type: 'command', requestId, message: envelope });
  });
}
