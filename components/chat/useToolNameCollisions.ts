import { useEffect, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { usePanelServices } from '../app/panel-services';
import { collisionNotices } from './tool-name-collisions';

/**
 * Names that several of the selected connectors give their tools, with the distinct names the
 * model sees instead. Asked again when the selection changes or a connector reports a new status.
 */
export function useToolNameCollisions(connectorIds: readonly string[]): string[] {
  const { link } = usePanelServices();
  const [notices, setNotices] = useState<string[]>([]);
  const [tick, setTick] = useState(0);
  const idsKey = connectorIds.join(',');

  useEffect(() => link.onEvent((event) => void (event.type === 'connector-status' && setTick((t) => t + 1))), [link]);

  useEffect(() => {
    if (connectorIds.length < 2) return setNotices([]);
    let current = true;
    sendCommand('chat.toolNames', { connectorIds: idsKey.split(',') }).then(
      (answer) => current && setNotices(collisionNotices(answer.tools, answer.collisions)),
      () => current && setNotices([]),
    );
    return () => void (current = false);
    // idsKey stands for connectorIds: a new array with the same ids must not ask again.
  }, [idsKey, tick]);

  return notices;
}
