/** How much work each figure does; the numbers, or tiny ones for the shape test. */
export interface BenchCounts {
  /** P1: measured calls per side (after `warmupCalls`), in interleaved blocks. */
  toolCalls: number;
  warmupCalls: number;
  /** P2: conversations stored at each point (the middle one is the goal's), messages in each. */
  conversationPoints: [number, number, number];
  messagesPerConversation: number;
  openRuns: number;
  /** P3: the long conversation, the short baseline, and opens of each. */
  longMessages: number;
  shortMessages: number;
  conversationRuns: number;
  /** P4: tokens streamed at 1,000 a second. */
  streamTokens: number;
  /** P5: connectors at each point, tools each, runs per point. */
  connectorPoints: [number, number, number];
  toolsPerConnector: number;
  catalogRuns: number;
  /** P7: tool calls and the one big result per round. */
  memoryCalls: number;
  bigResultMB: number;
}

export const FULL_COUNTS: BenchCounts = {
  toolCalls: 200,
  warmupCalls: 20,
  conversationPoints: [10, 1_000, 10_000],
  messagesPerConversation: 50,
  openRuns: 7,
  longMessages: 5_000,
  shortMessages: 50,
  conversationRuns: 5,
  streamTokens: 20_000,
  connectorPoints: [1, 10, 20],
  toolsPerConnector: 100,
  catalogRuns: 5,
  memoryCalls: 500,
  bigResultMB: 50,
};

export const QUICK_COUNTS: BenchCounts = {
  toolCalls: 8,
  warmupCalls: 2,
  conversationPoints: [2, 4, 6],
  messagesPerConversation: 4,
  openRuns: 1,
  longMessages: 120,
  shortMessages: 10,
  conversationRuns: 1,
  streamTokens: 300,
  connectorPoints: [1, 2, 3],
  toolsPerConnector: 5,
  catalogRuns: 1,
  memoryCalls: 5,
  bigResultMB: 1,
};

/** PATCHBAY_BENCH_QUICK=1 selects the tiny counts (for the test that checks the report's shape). */
export function countsFromEnv(env: NodeJS.ProcessEnv = process.env): { quick: boolean; counts: BenchCounts } {
  const quick = env.PATCHBAY_BENCH_QUICK === '1';
  return { quick, counts: quick ? QUICK_COUNTS : FULL_COUNTS };
}
