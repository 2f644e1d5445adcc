import type { ServerRequestErrorCode } from '../contract/server-request-reply';

/** An answer the broker refused; the code reaches the panel as is (see `HandlerErrorCodeSchema`). */
export class ServerRequestError extends Error {
  override readonly name = 'ServerRequestError';

  constructor(
    readonly code: ServerRequestErrorCode,
    message: string,
  ) {
    super(message);
  }
}
