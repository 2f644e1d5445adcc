import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The client scenarios of `@modelcontextprotocol/conformance` that Patchbay must pass. */
export const CONFORMANCE_SCENARIOS = [
  'initialize',
  'tools_call',
  'elicitation-sep1034-client-defaults',
  'sse-retry',
  'auth/metadata-default',
  'auth/metadata-var1',
  'auth/metadata-var2',
  'auth/metadata-var3',
  'auth/basic-cimd',
  'auth/scope-from-www-authenticate',
  'auth/scope-from-scopes-supported',
  'auth/scope-omitted-when-undefined',
  'auth/scope-step-up',
  'auth/scope-retry-limit',
  'auth/token-endpoint-auth-basic',
  'auth/token-endpoint-auth-post',
  'auth/token-endpoint-auth-none',
  'auth/resource-mismatch',
  'auth/pre-registration',
  'auth/2025-03-26-oauth-metadata-backcompat',
  'auth/2025-03-26-oauth-endpoint-fallback',
  'auth/client-credentials-jwt',
  'auth/client-credentials-basic',
] as const;

export type ConformanceScenario = (typeof CONFORMANCE_SCENARIOS)[number];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The bundled client, relative to the repository root (the suite splits its command on spaces). */
const CLIENT_BUNDLE = '.output/conformance/client.mjs';

/**
 * Bundles `client.ts` into one ESM file so the suite starts it as plain `node` rather than `npx tsx`
 * (an npm wrapper plus a TypeScript loader): `sse-retry` wants the reconnect 450–700 ms after the
 * stream closes, and on a loaded two-core machine every process competing for CPU eats into that.
 */
export async function buildConformanceClient(): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'tests/conformance/client.ts')],
    outfile: join(ROOT, CLIENT_BUNDLE),
    platform: 'node',
    format: 'esm',
    target: 'node20',
    bundle: true,
    logLevel: 'warning',
  });
}

/** Counts of the suite's checks by status; the suite fails a scenario on any FAILURE or WARNING. */
export interface CheckCounts {
  success: number;
  failure: number;
  warning: number;
}

export interface ScenarioOutcome {
  scenario: ConformanceScenario;
  passed: boolean;
  /** The suite's exit code: non-zero on a failed or warning check, a client error or a timeout. */
  exitCode: number | null;
  /** From the suite's `checks.json`; null when it wrote none (it crashed before judging). */
  checks: CheckCounts | null;
  durationMs: number;
  /** Everything the suite printed, stdout and stderr interleaved, for failure messages. */
  output: string;
}

/** Runs one scenario through the suite against the bundled client (build it first). */
export async function runScenario(scenario: ConformanceScenario): Promise<ScenarioOutcome> {
  const resultsDir = mkdtempSync(join(tmpdir(), 'patchbay-conformance-'));
  const started = Date.now();
  try {
    const { exitCode, output } = await run('npx', [
      'conformance',
      'client',
      '--command',
      `node ${CLIENT_BUNDLE}`,
      '--scenario',
      scenario,
      '--output-dir',
      resultsDir,
    ]);
    const checks = readChecks(resultsDir);
    // Both must agree: exit 0 alone would pass a suite that judged nothing, checks alone a client crash.
    const passed = exitCode === 0 && checks !== null && checks.success > 0 && checks.failure === 0 && checks.warning === 0;
    return { scenario, passed, exitCode, checks, durationMs: Date.now() - started, output };
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

/** One line per scenario: `✓ initialize (1.9 s): 1 checks passed`. */
export function describeOutcome(outcome: ScenarioOutcome): string {
  const seconds = (outcome.durationMs / 1000).toFixed(1);
  const { checks } = outcome;
  const counts = checks
    ? `${checks.success} checks passed, ${checks.failure} failed, ${checks.warning} warnings`
    : 'no checks written';
  return `${outcome.passed ? '✓' : '✗'} ${outcome.scenario} (${seconds} s): ${counts}, exit ${outcome.exitCode ?? 'signal'}`;
}

function run(command: string, args: string[]): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, output }));
  });
}

/** The suite writes `<scenario>-<timestamp>/checks.json` under the output directory. */
function readChecks(resultsDir: string): CheckCounts | null {
  const file = readdirSync(resultsDir, { recursive: true, encoding: 'utf8' }).find((path) => path.endsWith('checks.json'));
  if (file === undefined) return null;
  const checks = JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as { status: string }[];
  const count = (status: string) => checks.filter((check) => check.status === status).length;
  return { success: count('SUCCESS'), failure: count('FAILURE'), warning: count('WARNING') };
}
