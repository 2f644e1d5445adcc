/**
 * One thing seen on a connector's wire: a JSON-RPC frame either way, or an HTTP exchange. This is
 * what the protocol log stores and the inspector shows.
 */
export interface WireEvent {
  at: number;
  direction: 'out' | 'in';
  /** The JSON-RPC method, also on responses (taken from their request); `HTTP GET` etc. for HTTP. */
  method: string | null;
  httpStatus: number | null;
  /** For responses: time since their request was sent. For HTTP: time to the response headers. */
  durationMs: number | null;
  sizeBytes: number;
  frame: unknown;
  /** The log keeps a shortened copy of this frame; `sizeBytes` is the whole frame's size. */
  capped?: boolean;
}

export type WireSink = (event: WireEvent) => void;
