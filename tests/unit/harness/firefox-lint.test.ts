import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs harness script without type declarations
import { lintFailures } from '../../harness/firefox-lint.mjs';

/** The shape of `web-ext lint --output json`, trimmed to what the check reads. */
function report(errors: string[], warnings: string[]) {
  return {
    summary: { errors: errors.length, warnings: warnings.length },
    errors: errors.map((code) => ({ code, file: 'manifest.json', message: `${code} message` })),
    warnings: warnings.map((code) => ({ code, file: 'background.js', message: `${code} message` })),
  };
}

describe('what in a web-ext lint report fails npm test', () => {
  it('passes a clean build', () => {
    expect(lintFailures(report([], []))).toEqual([]);
  });

  it('fails on any error', () => {
    expect(lintFailures(report(['MANIFEST_FIELD_REQUIRED'], []))).toEqual([expect.stringContaining('1 error')]);
  });

  it('fails on any warning, naming each code and file: AMO reviewers read every one', () => {
    const failures = lintFailures(report([], ['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']));
    expect(failures).toEqual([expect.stringContaining('2 warning(s)')]);
    expect(failures[0]).toContain('DANGEROUS_EVAL in background.js');
    expect(failures[0]).toContain('UNSAFE_VAR_ASSIGNMENT in background.js');
  });

  it('says how to fix a strict_min_version lower than a key or permission needs', () => {
    const failures = lintFailures(report([], ['KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION']));
    expect(failures).toEqual([expect.stringContaining('raise strict_min_version in wxt.config.ts')]);
  });

  it('fails on Firefox for Android warnings too: the build declares no Android support', () => {
    expect(lintFailures(report([], ['KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION']))).toHaveLength(1);
  });
});
