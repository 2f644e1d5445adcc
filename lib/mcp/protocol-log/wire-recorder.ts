import type { FetchLike, Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { redactHeaders } from '../redaction/redact';
import { needsScrub, scrubDeep, scrubText, urlSecrets } from '../redaction/url-credentials';
import { AfterThisTask } from './after-this-task';
import type { WireSink } from './wire-event';

const encoder = new TextEncoder();

interface Sent {
  method: string;
  at: number;
}

/**
 * Records a connector's traffic: every JSON-RPC frame through the transport, and every HTTP
 * exchange through fetch, with request-response timing. Credentials in headers, in URLs
 * (`?api_key=`, `/token/…`, userinfo) and the connector URL's own credential fragments anywhere
 * in a frame are redacted before anything is recorded, so the log never holds a token. Through
 * the wrapped fetch and transport, that work runs after the frame has gone on its way (see
 * {@link AfterThisTask}); the times are taken when it passes.
 */
export class WireRecorder {
  /** Requests awaiting an answer, per side: ids are numbered by each side on its own, so they collide. */
  private readonly pending = { out: new Map<string | number, Sent>(), in: new Map<string | number, Sent>() };

  /** The credential fragments of the connector's URL, searched for in everything recorded. */
  private readonly urlSecrets: readonly string[];

  private readonly later = new AfterThisTask();

  constructor(
    private readonly sink: WireSink,
    private readonly secretHeaderNames: readonly string[] = [],
    connectorUrl?: string,
  ) {
    this.urlSecrets = connectorUrl ? urlSecrets(connectorUrl) : [];
  }

  wrapFetch(inner: FetchLike): FetchLike {
    return async (url, init) => {
      const started = Date.now();
      const method = init?.method ?? 'GET';
      const target = String(url);
      const headers = new Headers(init?.headers);
      const request = () => ({ method, url: scrubText(target, this.urlSecrets), headers: redactHeaders(headers, this.secretHeaderNames) });
      let response: Response;
      try {
        response = await inner(url, init);
      } catch (error) {
        const durationMs = Date.now() - started;
        this.later.run(() =>
          this.sink({
            at: started,
            direction: 'in',
            method: `HTTP ${method}`,
            httpStatus: null,
            durationMs,
            sizeBytes: 0,
            frame: { request: request(), error: scrubText(error instanceof Error ? error.message : String(error), this.urlSecrets) },
          }),
        );
        throw error;
      }
      const durationMs = Date.now() - started;
      this.later.run(() =>
        this.sink({
          at: started,
          direction: 'in',
          method: `HTTP ${method}`,
          httpStatus: response.status,
          durationMs,
          sizeBytes: Number(response.headers.get('content-length') ?? 0) || 0,
          frame: scrubDeep({ request: request(), response: { status: response.status, headers: redactHeaders(response.headers) } }, this.urlSecrets),
        }),
      );
      return response;
    };
  }

  /** Resolves once every frame that passed the wrapped fetch and transport so far is recorded. */
  settled(): Promise<void> {
    return this.later.settled();
  }

  /** Records `message` as sent. */
  outgoing(message: JSONRPCMessage): void {
    this.frame('out', message);
  }

  incoming(message: JSONRPCMessage): void {
    this.frame('in', message);
  }

  /** Records `message` later, as seen now (see {@link AfterThisTask}). */
  private frameLater(direction: 'out' | 'in', message: JSONRPCMessage): void {
    const at = Date.now();
    this.later.run(() => this.frame(direction, message, at));
  }

  /** A request is remembered by its sender's side; an answer is paired with the other side's request. */
  private frame(direction: 'out' | 'in', message: JSONRPCMessage, at = Date.now()): void {
    let method: string | null = null;
    let durationMs: number | null = null;
    if ('method' in message) {
      method = message.method;
      if ('id' in message && message.id !== undefined) this.pending[direction].set(message.id, { method, at });
    } else if ('id' in message && message.id !== undefined && message.id !== null) {
      const answered = direction === 'in' ? this.pending.out : this.pending.in;
      const request = answered.get(message.id);
      if (request) {
        answered.delete(message.id);
        method = request.method;
        durationMs = at - request.at;
      }
    }
    const text = JSON.stringify(message) ?? '';
    // Copied only when something in it needs hiding: most frames go to the log as they are.
    const frame = needsScrub(text, this.urlSecrets) ? scrubDeep(message, this.urlSecrets) : message;
    this.sink({ at, direction, method, httpStatus: null, durationMs, sizeBytes: encoder.encode(text).length, frame });
  }

  /** The same transport, with every frame in either direction recorded. */
  wrapTransport<T extends Transport>(transport: T): T {
    const send = transport.send.bind(transport);
    transport.send = (message: JSONRPCMessage, options?: TransportSendOptions) => {
      this.frameLater('out', message);
      return send(message, options);
    };
    let handler: Transport['onmessage'];
    Object.defineProperty(transport, 'onmessage', {
      configurable: true,
      get: () => handler,
      set: (next: Transport['onmessage']) => {
        handler = next && ((message, extra) => {
          this.frameLater('in', message);
          next(message, extra);
        });
      },
    });
    return transport;
  }
}
