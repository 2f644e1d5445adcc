/**
 * Files above this are refused before parsing, so a wrong pick cannot freeze the panel. In a
 * file of its own (re-exported by conversation-file.ts) so the first screen's Import button reads
 * it without loading zod.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
