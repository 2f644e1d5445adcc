import { z } from 'zod';

/**
 * The Responses stream events Patchbay acts on, checked field by field (the SDK types them but
 * does not check them); other event types are ignored unread. Extra fields pass untouched.
 */
export const ResponsesEventSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('response.output_text.delta'), delta: z.string() }),
  z.looseObject({ type: z.literal('response.reasoning_text.delta'), delta: z.string() }),
  z.looseObject({ type: z.literal('response.reasoning_summary_text.delta'), delta: z.string() }),
  /** Any finished item; a function call's own fields are checked by {@link FunctionCallItemSchema}. */
  z.looseObject({ type: z.literal('response.output_item.done'), item: z.looseObject({ type: z.string() }) }),
  ...(['response.completed', 'response.incomplete'] as const).map((type) =>
    z.looseObject({
      type: z.literal(type),
      response: z.looseObject({
        usage: z.looseObject({ input_tokens: z.number(), output_tokens: z.number() }).nullish(),
        incomplete_details: z.looseObject({ reason: z.string().nullish() }).nullish(),
      }),
    }),
  ),
  z.looseObject({ type: z.literal('response.failed'), response: z.looseObject({ error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }).nullish() }) }),
  z.looseObject({ type: z.literal('error'), code: z.string().nullish(), message: z.string().nullish() }),
]);
export type ResponsesEvent = z.infer<typeof ResponsesEventSchema>;

/** A finished function call item: what the model asks to run, every field text. */
export const FunctionCallItemSchema = z.looseObject({ type: z.literal('function_call'), call_id: z.string(), name: z.string(), arguments: z.string() });

/** Event types read at all: the rest (created, in_progress, content parts…) are skipped unchecked. */
export const READ_RESPONSES_EVENTS: ReadonlySet<string> = new Set(ResponsesEventSchema.options.map((option) => option.shape.type.value));
