import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContextNotice } from '@/lib/contract/resource-view';
import { sendCommand } from '@/lib/messaging/command-client';
import { usePanelServices } from '../app/panel-services';
import { useLinkState } from '../app/useLinkState';
import { errorText } from '../ui/error-text';

/** A list command answering pages with the server's `nextCursor`. */
type PagedCommand = 'prompts.list' | 'resources.list' | 'resources.templates';

export interface PagedList<T> {
  items: readonly T[] | null;
  /** There is another page; `loadMore` asks for it. */
  more: boolean;
  loading: boolean;
  failure: string | null;
  loadMore(): void;
}

/**
 * A connector's prompts, resources or templates, a page at a time. Asked again from the first page
 * when the panel reconnects and when the server says the list changed (`reloadOn`).
 */
export function usePagedList<T>(command: PagedCommand, connectorId: string, pick: (page: unknown) => readonly T[], reloadOn: ContextNotice['kind']): PagedList<T> {
  const { link } = usePanelServices();
  const { status, session } = useLinkState(link);
  const [items, setItems] = useState<readonly T[] | null>(null);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const current = useRef(0);
  const pickRef = useRef(pick);
  pickRef.current = pick;

  const load = useCallback(
    async (from: string | undefined, append: boolean) => {
      const ticket = ++current.current;
      setLoading(true);
      setFailure(null);
      try {
        const page = await sendCommand(command, { connectorId, ...(from ? { cursor: from } : {}) });
        if (ticket !== current.current) return;
        const got = pickRef.current(page);
        setItems((before) => (append && before ? [...before, ...got] : got));
        setCursor(page.nextCursor);
      } catch (error) {
        if (ticket === current.current) setFailure(errorText(error));
      } finally {
        if (ticket === current.current) setLoading(false);
      }
    },
    [command, connectorId],
  );

  useEffect(
    () =>
      link.onEvent((event) => {
        if (event.type === 'context-notice' && event.connectorId === connectorId && event.notice.kind === reloadOn) setGeneration((g) => g + 1);
      }),
    [link, connectorId, reloadOn],
  );

  useEffect(() => {
    if (status === 'connected') void load(undefined, false);
  }, [load, status, session, generation]);

  return { items, more: cursor !== undefined, loading, failure, loadMore: () => void load(cursor, true) };
}
