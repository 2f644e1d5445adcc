import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useMemo } from 'react';
import { capToolResult, DISPLAY_RESULT_BUDGET_BYTES } from '@/lib/mcp/cap-result';
import { ToolResultView } from '../inspector/ToolResultView';

/**
 * A chat tool call's stored result, shown as a hand run's is: the whole result stays in the
 * conversation, the view gets a copy capped to the display budget, and a download gives every byte.
 */
export function CallResultView({ result, toolName }: { result: CallToolResult; toolName: string }) {
  const shown = useMemo(() => capToolResult(result, DISPLAY_RESULT_BUDGET_BYTES), [result]);
  return (
    <ToolResultView
      result={shown.result}
      totalBytes={shown.totalBytes}
      truncated={shown.truncated}
      full={{ fileName: `${toolName}-result.json`, json: async () => JSON.stringify(result) }}
    />
  );
}
