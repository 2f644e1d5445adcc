import type { z } from 'zod';
import { ModelBadOutputError } from './model-errors';
import { ModelEventSchema, type ModelEvent } from './model-events';

/**
 * Parses every event of a model stream with {@link ModelEventSchema} as it arrives, and ends the
 * stream with a {@link ModelBadOutputError} at the first that fails: nothing downstream acts on
 * a malformed event, and the step that reads it can end with an error part.
 */
export async function* parseModelEvents(events: AsyncIterable<unknown>): AsyncGenerator<ModelEvent> {
  for await (const event of events) {
    const parsed = ModelEventSchema.safeParse(event);
    if (!parsed.success) throw new ModelBadOutputError(describeEvent(event, parsed.error));
    yield parsed.data;
  }
}

/** Parses one piece of an endpoint's stream (a chunk, an event), naming what was wrong with it. */
export function parseStreamPiece<T>(schema: z.ZodType<T>, piece: unknown, what: string): T {
  const parsed = schema.safeParse(piece);
  if (!parsed.success) throw new ModelBadOutputError(`${what}: ${issueText(parsed.error)}`);
  return parsed.data;
}

function describeEvent(event: unknown, error: z.ZodError): string {
  const type = typeof event === 'object' && event !== null && typeof (event as { type?: unknown }).type === 'string' ? (event as { type: string }).type : null;
  return `${type ? `a “${type.slice(0, 40)}” event` : 'an event'}: ${issueText(error)}`;
}

/** The first problem, where it was: short enough to read, enough to find it. */
export function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not valid';
  const path = issue.path.map(String).join('.');
  return `${path ? `${path.slice(0, 80)}: ` : ''}${issue.message.slice(0, 200)}`;
}
