import { useCallback, useMemo, useState } from 'react';
import { rememberedText } from '../browser/remembered-text';

/**
 * Whether a connector's card is folded to its head, remembered per connector in the panel's own
 * storage (a view preference, not data: the background's database is not written for it).
 */
export function useRememberedCollapse(connectorId: string): [collapsed: boolean, setCollapsed: (collapsed: boolean) => void] {
  const memory = useMemo(() => rememberedText(`patchbay.connector-collapsed.${connectorId}`), [connectorId]);
  const [collapsed, set] = useState(() => memory.read() === '1');
  const setCollapsed = useCallback(
    (next: boolean) => {
      memory.write(next ? '1' : '0');
      set(next);
    },
    [memory],
  );
  return [collapsed, setCollapsed];
}
