#!/usr/bin/env node
// `npm test`: everything, in the order that fails fastest, ending in one "N passed, M failed" line.
// Browsers must be Debian's; a missing one fails the run with the command that installs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintFailures, lintFirefoxBuild } from './firefox-lint.mjs';

const BROWSERS = [
  { path: process.env.PATCHBAY_CHROMIUM ?? '/usr/bin/chromium', pkg: 'chromium' },
  { path: process.env.PATCHBAY_FIREFOX ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) fail(`${title} failed (exit ${result.status ?? result.signal}).`);
}

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

const missing = BROWSERS.filter((b) => !existsSync(b.path));
if (missing.length > 0) {
  fail(
    `${missing.map((b) => b.path).join(' and ')} not found. Install with:\n  apt-get update && apt-get install -y ${missing.map((b) => b.pkg).join(' ')}`,
  );
}

// Seconds, and it names the file and line: a forbidden import fails before anything is built.
step('Import boundaries', process.execPath, ['tests/harness/check-boundaries.mjs']);
// `npm run zip` builds both browsers and packs the three store zips; the e2e tests load both.
step('Build and zip Chrome and Firefox', 'npm', ['run', '--silent', 'zip']);
step('Type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
lintFirefox();

// One project at a time: timing-sensitive scenarios and browsers never share the two cores.
const totals = { passed: 0, failed: 0, skipped: 0, total: 0, ok: true };
for (const project of ['unit', 'integration', 'e2e']) {
  const outcome = runVitest(project);
  for (const key of ['passed', 'failed', 'skipped', 'total']) totals[key] += outcome[key];
  totals.ok &&= outcome.ok;
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
if (totals.total === 0) fail('No test ran.');
if (totals.skipped > 0) fail('Skipped tests are not allowed: a skipped test is not a passed one.');
process.exit(totals.ok && totals.failed === 0 ? 0 : 1);

/** Runs one vitest project and reads its counts from the JSON report. */
function runVitest(project) {
  const report = join(mkdtempSync(join(tmpdir(), 'patchbay-vitest-')), 'report.json');
  console.log(`\n▶ Tests: ${project}`);
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit' },
  );
  if (!existsSync(report)) fail(`vitest (${project}) wrote no report (exit ${run.status ?? run.signal}).`);
  const r = JSON.parse(readFileSync(report, 'utf8'));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    total: r.numTotalTests,
    ok: run.status === 0,
  };
}

/** `web-ext lint` on the Firefox build: see {@link lintFailures} for what fails the run. */
function lintFirefox() {
  console.log('\n▶ web-ext lint (Firefox build)');
  let report;
  try {
    report = lintFirefoxBuild('.output/firefox-mv3');
  } catch (error) {
    fail(error.message);
  }
  for (const kind of ['errors', 'warnings']) {
    for (const m of report[kind]) console.log(`  ${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}: ${m.message}`);
  }
  console.log(`  ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
  const failures = lintFailures(report);
  if (failures.length > 0) fail(failures.join('\n'));
}
