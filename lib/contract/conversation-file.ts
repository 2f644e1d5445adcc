/** Files above this are refused before parsing, so a wrong pick cannot freeze the panel. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
