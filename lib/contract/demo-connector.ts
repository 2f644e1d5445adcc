import type { ConnectorDraft } from './connector-draft';

/**
 * The local demo server `npm start` runs (the real `@modelcontextprotocol/server-everything`),
 * which the empty Connectors screen adds in one click.
 */
export const DEMO_CONNECTOR = {
  label: 'Everything (demo)',
  port: 6288,
  url: 'http://127.0.0.1:6288/mcp',
} as const;

/**
 * What the one-click button saves: the demo's name and URL with the form's defaults. Streamable
 * HTTP, since that is what `npm start` serves; loopback, so no host permission prompt.
 */
export function demoConnectorDraft(): ConnectorDraft {
  return {
    label: DEMO_CONNECTOR.label,
    url: DEMO_CONNECTOR.url,
    transport: 'streamable-http',
    auth: 'none',
    timeoutSeconds: 120,
    omitOrigin: false,
  };
}

/** Whether a connector points at the demo server, so its errors can say how to start it. */
export function isDemoConnectorUrl(url: string): boolean {
  return url === DEMO_CONNECTOR.url;
}
