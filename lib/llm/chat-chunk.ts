import { z } from 'zod';

/** Text the endpoint may leave out or send as null; anything else than text is refused. */
const optionalText = z.string().nullish();

/** One streamed piece of a tool call: its index joins the pieces, the first piece names the call. */
const ToolCallPieceSchema = z.looseObject({
  index: z.number().int().nonnegative(),
  id: optionalText,
  function: z.looseObject({ name: optionalText, arguments: optionalText }).nullish(),
});

/**
 * The fields of a Chat Completions chunk that Patchbay reads, checked; others pass untouched
 * (providers add their own). `usage`, when sent, must carry both token counts.
 */
export const ChatChunkSchema = z.looseObject({
  choices: z.array(
    z.looseObject({
      delta: z
        .looseObject({
          content: optionalText,
          tool_calls: z.array(ToolCallPieceSchema).nullish(),
          reasoning_content: z.unknown().optional(),
          reasoning: z.unknown().optional(),
        })
        .nullish()
        .transform((delta) => delta ?? {}),
      finish_reason: optionalText,
    }),
  )
    .nullish()
    .transform((choices) => choices ?? []),
  usage: z.looseObject({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});
export type ChatChunk = z.infer<typeof ChatChunkSchema>;
