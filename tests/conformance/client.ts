// The MCP conformance suite's client: `client.ts <server-url>`, with the scenario named in
// MCP_CONFORMANCE_SCENARIO and its data (if any) as JSON in MCP_CONFORMANCE_CONTEXT.
// Exits 0 when the scenario ran to the end; the suite itself judges what it saw on the wire.
import { isKnownScenario, runScenario } from './scenarios';

async function main(): Promise<void> {
  const serverUrl = process.argv[2];
  const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
  if (!serverUrl) throw new Error('Usage: client.ts <server-url> (with MCP_CONFORMANCE_SCENARIO set)');
  if (!isKnownScenario(scenario)) throw new Error(`No client behaviour for scenario "${scenario}".`);
  const rawContext = process.env.MCP_CONFORMANCE_CONTEXT;
  const context = rawContext ? (JSON.parse(rawContext) as Record<string, unknown>) : null;
  await runScenario(scenario, { serverUrl, context });
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
