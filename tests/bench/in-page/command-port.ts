/**
 * Commands to the background as the panel sends them (lib/messaging/command-client): on an open
 * `patchbay/panel` port once the background has answered its ping, else as a one-off
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

let port: Promise<Port | null> | null = null;
const waiting = new Map<string, (reply: unknown) => void>();
let next = 0;

function openPort(): Promise<Port | null> {
  return new Promise((resolve) => {
    const opened = runtime().connect({ name: 'patchbay/panel' });
    opened.onMessage.addListener((raw) => {
      const message = raw as { type?: string; requestId?: string; reply?: unknown };
      if (message.type === 'pong') resolve(opened);
      if (message.type === 'command-reply' && message.requestId) waiting.get(message.requestId)?.(message.reply);
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
