import type { Icon } from '@modelcontextprotocol/sdk/types.js';
import { useEffect, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { resolvedTheme } from './theme';

/** Answers by connector and icon list, for the panel's life: many rows share a server's icons. */
const resolved = new Map<string, Promise<string | null>>();

function resolveIcon(connectorId: string, icons: readonly Icon[]): Promise<string | null> {
  const theme = resolvedTheme();
  const key = `${connectorId} ${theme} ${JSON.stringify(icons)}`;
  let answer = resolved.get(key);
  if (!answer) {
    answer = sendCommand('icons.resolve', { connectorId, icons: icons.slice(0, 16), theme }).then((reply) => reply.dataUrl, () => null);
    resolved.set(key, answer);
  }
  return answer;
}

/**
 * An icon a server declared for itself, a tool, a prompt or a resource (MCP 2025-11-25), shown
 * from the checked bytes the background fetched (a `data:` URL): the panel never loads an icon
 * from the server. Decorative: the name beside it says what it is. Nothing when there is none.
 */
export function McpIcon({ connectorId, icons, size = 16 }: { connectorId: string; icons: readonly Icon[] | undefined; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  const key = icons && icons.length > 0 ? JSON.stringify(icons) : '';
  useEffect(() => {
    if (!icons || icons.length === 0) return setSrc(null);
    let current = true;
    void resolveIcon(connectorId, icons).then((dataUrl) => current && setSrc(dataUrl?.startsWith('data:image/') ? dataUrl : null));
    return () => void (current = false);
    // key stands for icons: a new array with the same icons must not ask again.
  }, [connectorId, key]);
  if (!src) return null;
  return <img className="mcp-icon" src={src} alt="" width={size} height={size} />;
}
