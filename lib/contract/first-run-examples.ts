/**
 * Servers a new user can add in the first five minutes, without `npm start`: where each listens
 * and how to start it when it runs locally. Shown on the empty Connectors screen.
 */
export interface ServerExample {
  label: string;
  url: string;
  /** One line: what it is, and the command that starts it when it is local. */
  note: string;
  /** The command to run first, for a local server; absent for a remote one. */
  command?: string;
}

export const SERVER_EXAMPLES: readonly ServerExample[] = [
  {
    label: 'Everything (local)',
    url: 'http://localhost:3001/mcp',
    note: 'The reference test server, with tools, prompts and resources of every kind. Start it first:',
    command: 'npx @modelcontextprotocol/server-everything streamableHttp',
  },
  {
    label: 'DeepWiki (remote)',
    url: 'https://mcp.deepwiki.com/mcp',
    note: 'Public and free, no sign-in: asks questions about GitHub repositories’ documentation.',
  },
];

/** Where a stdio server appears once bridged: supergateway's default port and Streamable HTTP path. */
export const STDIO_BRIDGE_URL = 'http://localhost:8000/mcp';

/**
 * The command that puts a stdio-only MCP server on Streamable HTTP, which Patchbay speaks (a
 * browser cannot start processes). The user's own command goes inside double quotes, so a double
 * quote in it is escaped for the shell.
 */
export function stdioBridgeCommand(stdioCommand: string): string {
  const inner = stdioCommand.trim() || 'your stdio command';
  return `npx -y supergateway --stdio "${inner.replace(/(["\\$`])/g, '\\$1')}" --outputTransport streamableHttp --port 8000`;
}
