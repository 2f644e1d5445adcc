import { z } from 'zod';

const optionalText = z.string().nullish();

/**
 * The fields of a non-streamed Chat Completions answer that sampling reads, checked (the SDK types
 * the object but does not check it); extra fields pass.
 */
export const ChatCompletionAnswerSchema = z.looseObject({
  model: optionalText,
  choices: z
    .array(
      z.looseObject({
        finish_reason: optionalText,
        message: z.looseObject({
          content: optionalText,
          tool_calls: z
            .array(z.looseObject({ id: z.string(), function: z.looseObject({ name: z.string().min(1, 'a tool call needs a name'), arguments: z.string() }) }))
            .nullish(),
        }),
      }),
    )
    .min(1, 'the answer has no choice'),
});

/** The parts of a non-streamed Responses answer that sampling reads: message text and function calls. */
export const ResponsesAnswerSchema = z.looseObject({
  model: optionalText,
  status: optionalText,
  incomplete_details: z.looseObject({ reason: optionalText }).nullish(),
  error: z.looseObject({ code: optionalText, message: optionalText }).nullish(),
  /** Every item has a type; the two sampling reads are checked by their own schemas below. */
  output: z.array(z.looseObject({ type: z.string() })),
});

/** A message item of a Responses answer: its `output_text` parts are the answer's text. */
export const ResponsesMessageItemSchema = z.looseObject({
  type: z.literal('message'),
  content: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
});

/** A function call item: what the model asks the server's tool to do, every field text. */
export const ResponsesFunctionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  call_id: z.string(),
  name: z.string().min(1, 'a tool call needs a name'),
  arguments: z.string(),
});
