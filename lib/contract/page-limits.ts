/**
 * The most text one page reading carries (UTF-8 bytes); more is cut, with the full size kept.
 * Apart from the reading's schema so the script injected into pages carries no zod.
 */
export const MAX_PAGE_TEXT_BYTES = 256 * 1024;
