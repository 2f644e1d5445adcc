#!/usr/bin/env node
// The import rules of DESIGN.md ("Who may import whom"), checked by dependency-cruiser with
// .dependency-cruiser.cjs. Prints each forbidden import as `file:line  rule  → target`.
// Run by tests/harness/test-all.mjs and by tests/unit/boundaries/import-rules.test.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The code the rules are about; tests may import anything, so they are not cruised. */
export const CHECKED_PATHS = ['lib', 'components', 'entrypoints'];

/**
 * Cruises `paths` (relative to the repository root) and answers every rule violation with the
 * line of the import that breaks it. Throws when the cruiser itself fails (a bad config).
 */
export function checkBoundaries(paths = CHECKED_PATHS) {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), ...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(`dependency-cruiser did not report (exit ${run.status ?? run.signal}): ${run.stderr || run.stdout}`);
  }
  const modules = new Map(report.modules.map((m) => [m.source, m]));
  const rules = new Map((report.summary.ruleSetUsed?.forbidden ?? []).map((r) => [r.name, r]));
  return report.summary.violations.map((v) => {
    const dependency = modules.get(v.from)?.dependencies.find((d) => d.resolved === v.to);
    const specifier = dependency?.module ?? v.to;
    return { file: v.from, line: lineOf(v.from, specifier), rule: v.rule.name, to: v.to, specifier, why: rules.get(v.rule.name)?.comment ?? '' };
  });
}

/** The first line of `file` that names `specifier` in quotes (the cruiser's JSON has no lines). */
function lineOf(file, specifier) {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(`'${specifier}'`) || line.includes(`"${specifier}"`));
  return index + 1;
}

/** One violation as a person reads it. */
export function describeViolation(v) {
  return `${v.file}:${v.line}  ${v.rule}  → ${v.specifier}${v.specifier === v.to ? '' : ` (${v.to})`}${v.why ? `\n    ${v.why}` : ''}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const violations = checkBoundaries(process.argv.length > 2 ? process.argv.slice(2) : CHECKED_PATHS);
  if (violations.length > 0) {
    console.error(`${violations.length} forbidden import${violations.length === 1 ? '' : 's'} (DESIGN.md, "Who may import whom"):\n`);
    for (const v of violations) console.error(describeViolation(v));
    process.exit(1);
  }
  console.log('Import boundaries hold (DESIGN.md, "Who may import whom").');
}
