/**
 * The slice of a `MessagePort` the panel and the worker use for their direct command channel;
 * small enough to fake with Node's own `MessageChannel` in a unit test.
 */
export interface ChannelPortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

/**
 * The one message a panel sends to the service worker itself (not on the channel): it carries the
 * channel's far end. Anything else arriving at the worker's `message` listener is ignored.
 */
export const COMMAND_CHANNEL_HELLO = 'patchbay/command-channel';
