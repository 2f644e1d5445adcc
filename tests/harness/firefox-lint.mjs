// `web-ext lint` on the Firefox build, and what in its report fails `npm test`.
import { spawnSync } from 'node:child_process';

/**
 * Warnings that mean `strict_min_version` promises a Firefox that lacks a key or permission we
 * use: the linter only warns, but such a build breaks on the versions it claims to support.
 */
const MIN_VERSION_WARNINGS = new Set(['KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', 'PERMISSION_FIREFOX_UNSUPPORTED_BY_MIN_VERSION']);

/**
 * The reasons a lint report fails the run: any error, or a key or permission the declared minimum
 * Firefox does not support. Other warnings are for reading. Empty when the build is fine.
 * @param {{ summary: { errors: number }, errors: { code: string }[], warnings: { code: string }[] }} report
 * @returns {string[]}
 */
export function lintFailures(report) {
  const failures = [];
  if (report.summary.errors > 0) failures.push(`web-ext lint found ${report.summary.errors} error(s) in the Firefox build.`);
  const unsupported = report.warnings.filter((m) => MIN_VERSION_WARNINGS.has(m.code));
  if (unsupported.length > 0) {
    failures.push(`strict_min_version is lower than ${unsupported.length} manifest key(s) or permission(s) need; raise it in wxt.config.ts.`);
  }
  return failures;
}

/** Runs the linter and returns its JSON report, or throws with what it printed. */
export function lintFirefoxBuild(sourceDir) {
  const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
  try {
    return JSON.parse(lint.stdout);
  } catch {
    throw new Error(`web-ext lint printed no report:\n${lint.stdout}\n${lint.stderr}`);
  }
}
