import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense } from 'react';
import { appResourceUriOf } from '@/lib/contract/app-resource';
import { usePanelServices } from '../app/panel-services';

/** The host code (AppBridge and the card around it) loads only when a card has an app. */
const AppCard = lazy(() => import('./AppCard'));

export interface ToolAppProps {
  connectorId: string;
  toolName: string;
  args: Record<string, unknown> | undefined;
  /** The stored (or hand-run) result; absent while the call runs. */
  result: CallToolResult | undefined;
  /** The chat message holding the call; absent for a hand run. */
  messageId?: string;
  callId?: string;
}

/**
 * Renders the tool's MCP App in its call's card when the tool names one (`_meta.ui.resourceUri`),
 * and nothing otherwise. Reads the connector as stored, so a tool refreshed with an app shows it.
 */
export function ToolApp(props: ToolAppProps) {
  const { db } = usePanelServices();
  const hasApp = useLiveQuery(async () => {
    const row = (await db.connectors.get(props.connectorId)) as { tools?: { name?: unknown; _meta?: unknown }[] } | undefined;
    return appResourceUriOf(row?.tools?.find((tool) => tool.name === props.toolName)?._meta) !== undefined;
  }, [db, props.connectorId, props.toolName]);
  const conversationId = useLiveQuery(async () => (props.messageId ? ((await db.messages.get(props.messageId))?.conversationId ?? null) : null), [db, props.messageId]);
  if (!hasApp || conversationId === undefined) return null;
  return (
    <Suspense fallback={<p className="small muted">Loading the app…</p>}>
      <AppCard {...props} conversationId={conversationId} />
    </Suspense>
  );
}
