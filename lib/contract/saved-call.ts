import { z } from 'zod';

/** Longest name a saved call may have: it is a label on a row, not a note. */
export const SAVED_CALL_NAME_MAX = 80;

/** A saved call's name as typed: trimmed, never empty, short enough to read on a 360 px row. */
export const SavedCallNameSchema = z.string().trim().min(1, 'Give the call a name.').max(SAVED_CALL_NAME_MAX, `A name has at most ${SAVED_CALL_NAME_MAX} characters.`);

/**
 * A hand run kept by name so it can be run again: which tool, and the input the person sent.
 * Only the background writes these (through the saved-call commands); the Run dialog lists them
 * per tool with a live query on `[connectorId+toolName]`.
 */
export const SavedCallRowSchema = z.object({
  id: z.string(),
  connectorId: z.string(),
  toolName: z.string(),
  name: SavedCallNameSchema,
  /** The arguments as sent; checked against the tool's current input schema when run again. */
  args: z.record(z.string(), z.unknown()),
  savedAt: z.number(),
  /** Set by a rename. */
  updatedAt: z.number().optional(),
});
export type SavedCallRow = z.infer<typeof SavedCallRowSchema>;
