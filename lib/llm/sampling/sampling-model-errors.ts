import { ModelError } from '../model-errors';

/**
 * The server's messages hold something the configured API cannot take (audio over Responses, an
 * audio format other than wav or mp3). Nothing is sent to the model; the server is told why.
 */
export class SamplingUnsupportedContentError extends ModelError {
  constructor(message: string) {
    super('request-failed', message, null);
  }
}
