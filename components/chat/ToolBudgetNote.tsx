import { useMemo } from 'react';
import { summarizeToolBudget, toolLimitFor, type ToolBudgetSummary } from '@/lib/contract/tool-budget-estimate';
import type { ChatConnector } from '@/lib/db/chat-connectors';
import { useCommandQuery } from '../app/useCommandQuery';

/**
 * How many tools the conversation offers and what their schemas cost in every request (an
 * estimate, see `estimateSchemaTokens`); over the model's limit it says the model searches them.
 */
export function ToolBudgetNote({ connectors, selected }: { connectors: readonly ChatConnector[]; selected: readonly string[] }) {
  const settings = useCommandQuery('settings.get', {}, ['settings-changed']);
  const limit = settings.status === 'ready' ? toolLimitFor(settings.data.toolLimits, settings.data.model) : undefined;
  const summary = useMemo(() => {
    const chosen = new Set(selected);
    const tools = connectors.filter((c) => chosen.has(c.id)).flatMap((c) => {
      const enabled = new Set(c.enabledTools);
      return c.tools.filter((tool) => enabled.has(tool.name));
    });
    return limit === undefined ? null : summarizeToolBudget(tools, limit);
  }, [connectors, selected, limit]);
  if (!summary || summary.count === 0) return null;
  return (
    <p className="small muted tool-budget" role="status" aria-label="Tool budget" data-tone={summary.searched ? 'warn' : undefined}>
      {budgetText(summary)}
    </p>
  );
}

export function budgetText({ count, estimatedTokens, limit, searched }: ToolBudgetSummary): string {
  const head = `${count} tool${count === 1 ? '' : 's'} · ≈${formatTokens(estimatedTokens)} schema tokens`;
  return searched ? `${head} · over the limit of ${limit}, so the model searches them` : `${head} per request`;
}

function formatTokens(tokens: number): string {
  return tokens < 1000 ? String(tokens) : `${(tokens / 1000).toFixed(tokens < 10_000 ? 1 : 0)}k`;
}
