import { useEffect, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import type { CommandName, CommandRequest, CommandResponse } from '@/lib/messaging/command-protocol';
import type { BackgroundToPanel } from '@/lib/messaging/panel-port-protocol';
import { usePanelServices } from './panel-services';
import { useLinkState } from './useLinkState';

/** A command's answer while loading, once answered, or failed. */
export type QueryState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown };

/**
 * Runs a read command when the panel (re)connects to the background, and again whenever the
 * background announces one of `refreshOn`: a restarted worker is re-queried, never trusted stale.
 */
export function useCommandQuery<C extends CommandName>(
  command: C,
  request: CommandRequest<C>,
  refreshOn: readonly BackgroundToPanel['type'][] = [],
): QueryState<CommandResponse<C>> {
  const { link } = usePanelServices();
  const { status, session } = useLinkState(link);
  const [state, setState] = useState<QueryState<CommandResponse<C>>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const requestKey = JSON.stringify(request);
  const refreshKey = refreshOn.join(',');

  useEffect(
    () => link.onEvent((event) => void (refreshKey.split(',').includes(event.type) && setTick((t) => t + 1))),
    [link, refreshKey],
  );

  useEffect(() => {
    if (status !== 'connected') return;
    let current = true;
    sendCommand(command, JSON.parse(requestKey) as CommandRequest<C>).then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => void (current = false);
  }, [command, requestKey, status, session, tick]);

  return state;
}
