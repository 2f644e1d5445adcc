import { useEffect, useState } from 'react';
import type { PatchbayDatabase } from '@/lib/db/database';
import { DatabaseOpenError } from '@/lib/db/database-open-error';
import { openDatabase } from '@/lib/db/open-database';

/** The database while it opens, once it is open, or the reason it will not. */
export type DatabaseState =
  | { status: 'opening' }
  | { status: 'ready'; db: PatchbayDatabase }
  | { status: 'failed'; error: DatabaseOpenError };

export function useOpenDatabase(): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ status: 'opening' });
  useEffect(() => {
    let db: PatchbayDatabase | undefined;
    let cancelled = false;
    openDatabase().then(
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
