import { useEffect, useState } from 'react';
import type { PatchbayDatabase } from '@/lib/db/database';
import { DatabaseOpenError } from '@/lib/db/database-open-error';
import { openDatabase } from '@/lib/db/open-database';
import { keepNewestConversations } from '../chat/newest-conversations';

/** The database while it opens, once it is open, or the reason it will not. */
export type DatabaseState =
  | { status: 'opening' }
  | { status: 'ready'; db: PatchbayDatabase }
  | { status: 'failed'; error: DatabaseOpenError };

let early: Promise<PatchbayDatabase> | null = null;

/**
 * Starts opening the database before React renders anything (the page's entry calls it), so the
 * first screen's reads do not wait for the first render and its effects. The first
 * `useOpenDatabase` takes this open; any later one opens its own.
 */
export function startOpeningDatabase(): void {
  early ??= openDatabase();
  // The drawer's first page is read beside the first screen's own reads, not after a click.
  early.then(keepNewestConversations, () => undefined);
  // Taken by the hook, which reports a failure; never an unhandled rejection meanwhile.
  early.catch(() => undefined);
}

export function useOpenDatabase(): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ status: 'opening' });
  useEffect(() => {
    let db: PatchbayDatabase | undefined;
    let cancelled = false;
    const opening = early ?? openDatabase();
    early = null;
    opening.then(
      (opened) => {
        db = opened;
        if (cancelled) opened.close();
        else setState({ status: 'ready', db: opened });
      },
      (error: unknown) => !cancelled && setState({ status: 'failed', error: DatabaseOpenError.from(error) }),
    );
    return () => {
      cancelled = true;
      db?.close();
    };
  }, []);
  return state;
}
