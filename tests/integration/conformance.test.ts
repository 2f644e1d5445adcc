import { beforeAll, describe, expect, it } from 'vitest';
import { buildConformanceClient, CONFORMANCE_SCENARIOS, describeOutcome, runScenario } from '../conformance/conformance-runner';

// The official MCP conformance suite against the client built on lib/mcp, one scenario at a time.
describe.sequential('MCP conformance (client scenarios)', () => {
  beforeAll(() => buildConformanceClient(), 60_000);

  for (const scenario of CONFORMANCE_SCENARIOS) {
    it(scenario, async () => {
      const outcome = await runScenario(scenario);
      expect(outcome.passed, `${describeOutcome(outcome)}\n${outcome.output}`).toBe(true);
    }, 60_000);
  }
});
