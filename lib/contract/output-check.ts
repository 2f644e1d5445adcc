/**
 * The `_meta` key under which Patchbay marks a result whose `structuredContent` broke the tool's
 * `outputSchema` (or was missing). Set only by the background's check, after removing any value a
 * server put there; the call's card reads it to show the mismatch.
 */
export const OUTPUT_MISMATCH_META_KEY = 'dev.patchbay/output-schema-mismatch';

/** What the mark holds: one readable line per problem. */
export interface OutputMismatch {
  problems: string[];
}

/** The mismatch a stored result is marked with, or null (any shape is read: results are stored data). */
export function outputMismatchOf(result: unknown): OutputMismatch | null {
  const meta = (result as { _meta?: unknown } | null | undefined)?._meta;
  if (typeof meta !== 'object' || meta === null) return null;
  const mark = (meta as Record<string, unknown>)[OUTPUT_MISMATCH_META_KEY] as { problems?: unknown } | undefined;
  if (!mark || !Array.isArray(mark.problems)) return null;
  return { problems: mark.problems.filter((problem): problem is string => typeof problem === 'string') };
}
