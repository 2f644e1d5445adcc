import OpenAI from 'openai';
import type { ModelErrorCode } from '../contract/error-codes';
import { innermostMessage } from './innermost-message';

/** Base of every model failure; the UI turns `code` into text in one place. */
export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 401: the endpoint refused the key. */
export class ModelBadKeyError extends ModelError {
  constructor(message: string) {
    super('bad-key', message, 401);
  }
}

/** 404: the model (or the route) does not exist at this endpoint. */
export class ModelNotFoundError extends ModelError {
  constructor(message: string) {
    super('model-not-found', message, 404);
  }
}

/** 429: try again after `retryAfterMs` when the server said so (`retry-after-ms` / `retry-after`). */
export class ModelRateLimitedError extends ModelError {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super('rate-limited', message, 429);
  }
}

/** The conversation no longer fits the model's context window. */
export class ModelContextTooLongError extends ModelError {
  constructor(message: string, status: number | null) {
    super('context-too-long', message, status);
  }
}

/** The endpoint did not answer at all (offline, DNS, refused, timed out). */
export class ModelNetworkError extends ModelError {
  constructor(message: string) {
    super('network-down', message, null);
  }
}

/** The caller's signal aborted the request (Stop); not a failure of the endpoint. */
export class ModelCancelledError extends ModelError {
  constructor() {
    super('cancelled', 'The model request was stopped.', null);
  }
}

/**
 * The endpoint's stream held something that is not a valid answer (a `usage` without token
 * counts, a tool call without a name, a delta that is not text). The step ends with this error
 * instead of acting on it, and what arrived before is kept.
 */
export class ModelBadOutputError extends ModelError {
  constructor(what: string) {
    super('bad-model-output', `The model sent something Patchbay cannot read (${what}), so this answer stopped there. What arrived before is kept; try again, or check the endpoint.`, null);
  }
}

const CONTEXT_PATTERN = /context[_ ]length|context window|maximum context|too many tokens|prompt is too long/i;

/** Names an SDK failure precisely; anything it does not recognise is passed through untouched. */
export function toModelError(error: unknown, signal?: AbortSignal): unknown {
  if (error instanceof ModelError) return error;
  if (signal?.aborted || error instanceof OpenAI.APIUserAbortError) return new ModelCancelledError();
  // Only the SDK's reading of the stream parses JSON here: a chunk that is not JSON at all.
  if (error instanceof SyntaxError) return new ModelBadOutputError(`a chunk that is not JSON: ${error.message.slice(0, 120)}`);
  if (error instanceof OpenAI.APIConnectionError) {
    return new ModelNetworkError(`The model endpoint could not be reached: ${innermostMessage(error)}`);
  }
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? null;
    if (isContextError(error.code, error.message)) return new ModelContextTooLongError(error.message, status);
    if (status === 401) return new ModelBadKeyError(`The endpoint rejected the API key: ${error.message}`);
    if (status === 404) return new ModelNotFoundError(`No such model or endpoint: ${error.message}`);
    if (status === 403) {
      // Not blamed on the key: a local server's Origin guard (Ollama) answers a bare 403 too.
      return new ModelError('request-failed', `The model endpoint refused the request (403): ${error.message}. A local server such as Ollama refuses browser extensions unless OLLAMA_ORIGINS allows them; Settings › Test checks for that and fixes it.`, status);
    }
    if (status === 429) {
      const wait = retryAfterMs(error.headers);
      const when = wait === null ? '' : ` Try again in ${Math.ceil(wait / 1000)} s.`;
      return new ModelRateLimitedError(`Rate limited by the model endpoint: ${error.message}.${when}`, wait);
    }
    return new ModelError('request-failed', error.message, status);
  }
  return error;
}

/** A failure reported inside a stream (Responses `error` / `response.failed` events). */
export function streamFailure(code: string | null | undefined, message: string): ModelError {
  if (isContextError(code, message)) return new ModelContextTooLongError(message, null);
  if (code === 'rate_limit_exceeded') return new ModelRateLimitedError(message, null);
  return new ModelError('request-failed', message, null);
}

function isContextError(code: string | null | undefined, message: string): boolean {
  return code === 'context_length_exceeded' || CONTEXT_PATTERN.test(message);
}

/** `retry-after-ms` first (OpenAI's own), then `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const raw = headers?.get('retry-after');
  if (!raw) return null;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

