import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs harness script without type declarations
import { lintFailures } from '../../harness/firefox-lint.mjs';

/** The shape of `web-ext lint --output json`, trimmed to what the check reads. */
function report(errors: string[], warnings: string[]) {
  return {
    summary: { errors: errors.length, warnings: warnings.length },
    errors: errors.map((code) => ({ code })),
    warnings: warnings.map((code) => ({ code })),
  };
}

describe('what in a web-ext lint report fails npm test', () => {
  it('passes a build with ordinary warnings only', () => {
    expect(lintFailures(report([], ['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']))).toEqual([]);
  });

  it('fails on any error', () => {
    expect(lintFailures(report(['MANIFEST_FIELD_REQUIRED'], []))).toEqual([expect.stringContaining('1 error')]);
  });

  it('fails when strict_min_version promises a Firefox that lacks a key or permission we use', () => {
    const failures = lintFailures(report([], ['KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', 'PERMISSION_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', 'DANGEROUS_EVAL']));
    expect(failures).toEqual([expect.stringContaining('strict_min_version is lower than 2 manifest key(s) or permission(s) need')]);
  });

  it('leaves Firefox for Android warnings to the Android minimum (not a target here)', () => {
    expect(lintFailures(report([], ['KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION']))).toEqual([]);
  });
});
