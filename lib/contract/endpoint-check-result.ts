import { z } from 'zod';

/** Why a model endpoint failed its check; each maps to one thing the user should fix. */
export const EndpointFailureCodeSchema = z.enum([
  'no-key',
  'bad-key',
  'forbidden',
  /** A local server's 403 to the extension's Origin (Ollama without OLLAMA_ORIGINS), not the key. */
  'origin-rejected',
  'unreachable',
  'timeout',
  'not-openai-compatible',
  'server-error',
]);
export type EndpointFailureCode = z.infer<typeof EndpointFailureCodeSchema>;

/** Outcome of Settings' "Test": the models the endpoint lists, or a precise failure. */
export const EndpointCheckResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    models: z.array(z.string()),
    modelFound: z.boolean().nullable(),
    /**
     * The endpoint refused the extension's Origin and answered only once Patchbay sent the
     * request without it: the form turns on "Send requests without the Origin header".
     */
    originOmitted: z.boolean().optional(),
  }),
  z.object({ ok: z.literal(false), code: EndpointFailureCodeSchema, message: z.string(), status: z.number().nullable() }),
]);
export type EndpointCheckResult = z.infer<typeof EndpointCheckResultSchema>;
