import { createContext, useContext } from 'react';

/**
 * A connector's workbench screen, opened from its card in place of the connector list: the report
 * card of its tools, or its eval suites. Kept in the Connectors screen's state, so Back returns to
 * the list where it was.
 */
export type ConnectorSubview = { kind: 'report-card' | 'evals'; connectorId: string };

/** Opens a connector's workbench screen; a no-op outside the Connectors screen. */
export const ConnectorSubviewContext = createContext<(view: ConnectorSubview) => void>(() => {});

export function useOpenConnectorSubview(): (view: ConnectorSubview) => void {
  return useContext(ConnectorSubviewContext);
}
