// `npm run conformance`: bundles the client, runs each scenario through the official suite one at a
// time (sse-retry is timing-sensitive), and ends with one "N passed, M failed" line.
import { buildConformanceClient, CONFORMANCE_SCENARIOS, describeOutcome, runScenario } from './conformance-runner';

await buildConformanceClient();
let passed = 0;
for (const scenario of CONFORMANCE_SCENARIOS) {
  const outcome = await runScenario(scenario);
  console.log(describeOutcome(outcome));
  if (outcome.passed) passed += 1;
  else console.log(outcome.output.replace(/^/gm, '    '));
}
const failed = CONFORMANCE_SCENARIOS.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
