import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useCommandQuery } from '../app/useCommandQuery';
import { ToolResultView } from '../inspector/ToolResultView';
import { errorText } from '../ui/error-text';

interface CallResultViewProps {
  messageId: string;
  callId: string;
  /** The whole stored result, for the download of every byte. */
  result: CallToolResult;
  toolName: string;
  connectorId: string;
}

/**
 * A chat tool call's stored result, shown as a hand run's is: the whole result stays in the
 * conversation, the background caps a copy to the display budget, and a download gives every byte.
 */
export function CallResultView({ messageId, callId, result, toolName, connectorId }: CallResultViewProps) {
  const shown = useCommandQuery('chat.shownResult', { messageId, callId });
  if (shown.status === 'loading') return <p className="small muted">Loading output…</p>;
  if (shown.status === 'failed') return <p className="small" role="alert">{errorText(shown.error)}</p>;
  return (
    <ToolResultView
      result={shown.data.result as CallToolResult}
      totalBytes={shown.data.totalBytes}
      truncated={shown.data.truncated}
      full={{ fileName: `${toolName}-result.json`, json: async () => JSON.stringify(result) }}
      connectorId={connectorId}
    />
  );
}
