import { z } from 'zod';

/** Most characters of an overriding text: a description, not a manual. */
export const MAX_OVERRIDE_CHARS = 4_000;

/** What an override replaces: the tool's description, or one parameter's (a top-level property). */
export const OverrideFieldSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('description') }),
  z.object({ kind: z.literal('parameter'), name: z.string().min(1).max(256) }),
]);
export type OverrideField = z.infer<typeof OverrideFieldSchema>;

/**
 * A local "what-if" text for one field of one tool: only what the model is shown changes, the
 * server never hears of it. `original` is the server's text when the override was written, so a
 * patch for the server's author shows before and after even if the server changes since.
 */
export const ToolOverrideRowSchema = z.object({
  id: z.string().min(1),
  connectorId: z.string().min(1),
  toolName: z.string().min(1).max(256),
  field: OverrideFieldSchema,
  text: z.string().trim().min(1, 'An override needs its text.').max(MAX_OVERRIDE_CHARS),
  original: z.string().max(100_000),
  updatedAt: z.number(),
});
export type ToolOverrideRow = z.infer<typeof ToolOverrideRowSchema>;

/** The id of the one override a field may have: writing it again replaces it. */
export function overrideIdOf(connectorId: string, toolName: string, field: OverrideField): string {
  return JSON.stringify([connectorId, toolName, field.kind === 'description' ? '' : field.name]);
}

/** The field's name in the UI and in a patch: "description" or "parameter city". */
export function overrideFieldLabel(field: OverrideField): string {
  switch (field.kind) {
    case 'description':
      return 'description';
    case 'parameter':
      return `parameter ${field.name}`;
  }
}
