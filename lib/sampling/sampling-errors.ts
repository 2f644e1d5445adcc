import { McpError } from '@modelcontextprotocol/sdk/types.js';

/**
 * Why a sampling request was not answered with a completion. Each becomes a JSON-RPC error to the
 * server with a message a connector author can act on, and the card and the audit say the same.
 */
export type SamplingRefusalCode =
  | 'denied'
  | 'discarded'
  | 'rate-limited'
  | 'context-not-allowed'
  | 'invalid-request'
  | 'unsupported-content'
  | 'model-not-configured';

/** The person's own "no" uses the spec's `-1` (user rejected); a malformed request is invalid params. */
const RPC_CODES: Record<SamplingRefusalCode, number> = {
  denied: -1,
  discarded: -1,
  'context-not-allowed': -1,
  'rate-limited': -32000,
  'invalid-request': -32602,
  'unsupported-content': -32602,
  'model-not-configured': -32603,
};

/** A sampling request Patchbay will not (or may not) answer with a completion. */
export class SamplingRefusedError extends Error {
  constructor(
    readonly code: SamplingRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The error the server receives. */
  toMcpError(): McpError {
    return new McpError(RPC_CODES[this.code], this.message);
  }
}
