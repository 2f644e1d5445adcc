import { useEffect, useState } from 'react';
import type { PatchbayDatabase } from '@/lib/db/database';
import { DatabaseOpenError } from '@/lib/db/database-open-error';
import { openDatabase } from '@/lib/db/open-database';
import { readChatConnectorsEarly } from '../chat/early-chat-connectors';
import { keepNewestConversations } from '../chat/newest-conversations';

/** The database while it opens, once it is open, or the reason it will not. */
export type DatabaseState =
  | { status: 'opening' }
  | { status: 'ready'; db: PatchbayDatabase }
  | { status: 'failed'; error: DatabaseOpenError };

let early: Promise<PatchbayDatabase> | null = null;

/**
 * Starts opening the database before React renders anything (the page's entry calls it), and
 * reads what the first screen shows as soon as it is open: the chat's connectors and the drawer's
 * first page. The open counts as done once those reads are in (they never fail it), so the shell's
 * first render draws the Chat screen with its Message box and the list at once, instead of
 * rendering without them and reading them from effects. The first `useOpenDatabase` takes this
 * open; any later one opens its own.
 */
export function startOpeningDatabase(): void {
  early ??= openDatabase().then(async (db) => {
    await Promise.all([readChatConnectorsEarly(db), keepNewestConversations(db)]);
    return db;
  });
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
