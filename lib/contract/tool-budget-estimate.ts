/**
 * The tool budget's numbers and estimate without zod (the chat's first screen shows them before
 * zod is loaded); tool-budget.ts adds the schemas Settings checks limits with, and re-exports these.
 */

/**
 * The most functions one request may carry: OpenAI-compatible APIs refuse more than 128. Above it
 * (or above a lower limit set for the model in Settings) the model gets `search_tools` instead.
 */
export const MAX_TOOLS_PER_REQUEST = 128;

/** The name of Patchbay's own tool; never a server's (those are always `<connector>__<tool>`). */
export const SEARCH_TOOLS_NAME = 'search_tools';

/** Where Patchbay's own tools live in stored call parts: no connector has this id (theirs are UUIDs). */
export const BUILTIN_CONNECTOR_ID = '@patchbay';

/** Limits by model name (`ToolLimitsSchema`); a model without one gets `MAX_TOOLS_PER_REQUEST`. */
export type ToolLimits = Record<string, number>;

export function toolLimitFor(limits: ToolLimits | undefined, model: string): number {
  return limits?.[model] ?? MAX_TOOLS_PER_REQUEST;
}

/** What the estimator reads of a tool: what the model is sent for it. */
export interface ToolForEstimate {
  name: string;
  description?: string | undefined;
  inputSchema?: unknown;
}

/**
 * A cheap estimate of the tokens a tool list costs in every request: about four characters of
 * JSON per token (OpenAI's rule of thumb for English and code), plus a few tokens of framing per
 * function. It is within tens of percent of a real tokenizer, which is enough to tell a user
 * that 300 tools cost tens of thousands of tokens, without shipping a tokenizer to the panel.
 */
export function estimateSchemaTokens(tools: readonly ToolForEstimate[]): number {
  let characters = 0;
  for (const tool of tools) characters += tool.name.length + (tool.description?.length ?? 0) + (JSON.stringify(tool.inputSchema ?? {})?.length ?? 0);
  return Math.ceil(characters / CHARACTERS_PER_TOKEN) + tools.length * FRAMING_TOKENS_PER_TOOL;
}

const CHARACTERS_PER_TOKEN = 4;
const FRAMING_TOKENS_PER_TOOL = 8;

/** What the conversation shows about its tool list: how many, what they cost, and whether they fit. */
export interface ToolBudgetSummary {
  count: number;
  estimatedTokens: number;
  limit: number;
  /** More tools than the limit: the model searches them with `search_tools`. */
  searched: boolean;
}

export function summarizeToolBudget(tools: readonly ToolForEstimate[], limit: number): ToolBudgetSummary {
  return { count: tools.length, estimatedTokens: estimateSchemaTokens(tools), limit, searched: tools.length > limit };
}
