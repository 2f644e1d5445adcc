import { useEffect, useState } from 'react';
import { usePanelServices } from '../app/panel-services';
import { useCommandQuery } from '../app/useCommandQuery';

/** Which conversations have a run in progress, and which wait out a rate limit (until when). */
export interface RunStates {
  running: ReadonlySet<string>;
  retryAt: ReadonlyMap<string, number>;
}

/**
 * Runs in progress: asked with `chat.running` on every (re)connect, then kept current from the
 * port's `run-state` and `rate-limited` events.
 */
export function useRunStates(): RunStates {
  const { link } = usePanelServices();
  const query = useCommandQuery('chat.running', {});
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set());
  const [retryAt, setRetryAt] = useState<ReadonlyMap<string, number>>(new Map());

  useEffect(() => {
    if (query.status === 'ready') setRunning(new Set(query.data.conversationIds));
  }, [query]);

  useEffect(
    () =>
      link.onEvent((event) => {
        if (event.type === 'run-state') {
          setRunning((current) => toggled(current, event.conversationId, event.running));
          setRetryAt((current) => without(current, event.conversationId));
        } else if (event.type === 'rate-limited') {
          setRetryAt((current) => new Map(current).set(event.conversationId, event.retryAt));
        }
      }),
    [link],
  );

  return { running, retryAt };
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  if (set.has(id) === on) return set;
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function without(map: ReadonlyMap<string, number>, id: string): ReadonlyMap<string, number> {
  if (!map.has(id)) return map;
  const next = new Map(map);
  next.delete(id);
  return next;
}
