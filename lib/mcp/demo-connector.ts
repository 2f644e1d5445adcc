/**
 * The local demo server `npm start` runs (the real `@modelcontextprotocol/server-everything`),
 * which the empty Connectors screen offers to add in one click.
 */
export const DEMO_CONNECTOR = {
  label: 'Everything (demo)',
  port: 6288,
  url: 'http://127.0.0.1:6288/mcp',
} as const;
