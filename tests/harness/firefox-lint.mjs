// `web-ext lint` on the Firefox build, and what in its report fails `npm test`.
import { spawnSync } from 'node:child_process';

/** Warnings that mean `strict_min_version` promises a Firefox that lacks a key or permission we use. */
const MIN_VERSION_WARNINGS = new Set(['KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', 'PERMISSION_FIREFOX_UNSUPPORTED_BY_MIN_VERSION']);

/**
 * The reasons a lint report fails the run: any error and any warning. AMO's reviewers read every
 * warning (an eval or an HTML sink in a bundle slows or blocks review), so the build has none.
 * Empty when the build is clean.
 * @param {{ summary: { errors: number }, errors: { code: string }[], warnings: { code: string, file?: string }[] }} report
 * @returns {string[]}
 */
export function lintFailures(report) {
  const failures = [];
  if (report.summary.errors > 0) failures.push(`web-ext lint found ${report.summary.errors} error(s) in the Firefox build.`);
  if (report.warnings.length > 0) {
    const listed = report.warnings.map((m) => `  ${m.code} in ${m.file ?? 'the package'}`).join('\n');
    const hint = report.warnings.some((m) => MIN_VERSION_WARNINGS.has(m.code))
      ? '\nA key or permission needs a newer Firefox: raise strict_min_version in wxt.config.ts.'
      : '';
    failures.push(`web-ext lint found ${report.warnings.length} warning(s) in the Firefox build:\n${listed}${hint}`);
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
