/** Why IndexedDB would not open; each code maps to advice the user can act on. */
export type DatabaseOpenErrorCode = 'quota' | 'newer-version' | 'unavailable' | 'corrupt' | 'blocked';

const ADVICE: Record<DatabaseOpenErrorCode, string> = {
  quota: 'The browser has no storage left for Patchbay. Free disk space or clear other site data, then reopen the panel.',
  'newer-version':
    'The stored data was written by a newer Patchbay. Update the extension; nothing was changed or deleted.',
  unavailable:
    'The browser refused storage to Patchbay (private window or storage disabled). Allow site data for extensions and reopen the panel.',
  blocked:
    'Another Patchbay page (an older version, in another tab or window) keeps the database open, so it cannot be upgraded. Close it and reopen the panel; nothing was changed.',
  corrupt:
    'The stored data could not be read. Your data was left as it is; restarting the browser often clears this.',
};

/** Raised by `openDatabase`; carries a stable code and the browser's own words for diagnosis. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';

  constructor(
    readonly code: DatabaseOpenErrorCode,
    readonly detail: string,
  ) {
    super(ADVICE[code]);
  }

  static from(cause: unknown): DatabaseOpenError {
    if (cause instanceof DatabaseOpenError) return cause;
    const names = errorNames(cause);
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    if (names.has('QuotaExceededError')) return new DatabaseOpenError('quota', detail);
    if (names.has('VersionError')) return new DatabaseOpenError('newer-version', detail);
    if (names.has('MissingAPIError') || names.has('SecurityError') || names.has('InvalidStateError')) {
      return new DatabaseOpenError('unavailable', detail);
    }
    return new DatabaseOpenError('corrupt', detail);
  }
}

/** Dexie wraps the DOMException; look at the wrapper and its inner error alike. */
function errorNames(cause: unknown): Set<string> {
  const names = new Set<string>();
  let current: unknown = cause;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    names.add(current.name);
    current = (current as { inner?: unknown }).inner ?? current.cause;
  }
  return names;
}
