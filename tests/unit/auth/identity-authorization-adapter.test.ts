import { describe, expect, it } from 'vitest';
import { firefoxLoopbackRedirect } from '../../../lib/auth/identity-authorization-adapter';

describe('firefoxLoopbackRedirect', () => {
  it("gives Firefox's loopback form of its redirect URI, and nothing for Chrome", () => {
    expect(firefoxLoopbackRedirect('https://0a1b2c3d.extensions.allizom.org/oauth')).toBe('http://127.0.0.1/mozoauth2/0a1b2c3d');
    expect(firefoxLoopbackRedirect('https://abcdefghijklmnop.chromiumapp.org/oauth')).toBeUndefined();
  });
});
