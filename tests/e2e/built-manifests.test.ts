import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PAGES_CSP, GECKO_ID, SANDBOX_CSP } from '../../wxt.config';
import { requireBuild } from './harness/require-executable';

const manifestOf = (dir: string) => JSON.parse(readFileSync(`${requireBuild(dir)}/manifest.json`, 'utf8'));

describe('the built manifests', () => {
  it('Chrome: MV3 side panel, minimal permissions, every origin but loopback optional', () => {
    const m = manifestOf('.output/chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect([...m.permissions].sort()).toEqual(['activeTab', 'declarativeNetRequestWithHostAccess', 'identity', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(m.host_permissions).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    expect(m.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(Number(m.minimum_chrome_version)).toBeGreaterThanOrEqual(116);
    expect(m.commands._execute_action.suggested_key.default).toBe('Alt+Shift+P');
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP, sandbox: SANDBOX_CSP });
    expect(m.sandbox).toEqual({ pages: ['sandbox.html'] });
    expect(SANDBOX_CSP).not.toMatch(/script-src[^;]*(https?:|\*)/);
    expect(EXTENSION_PAGES_CSP).toMatch(/img-src 'self' data: blob:;/);
  });

  it('Firefox: MV3 sidebar, background scripts, pinned id, no Chrome-only keys', () => {
    const m = manifestOf('.output/firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(m.browser_specific_settings.gecko.strict_min_version).toBe('142.0');
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.side_panel).toBeUndefined();
    expect(m.minimum_chrome_version).toBeUndefined();
    expect(m.commands._execute_sidebar_action.suggested_key.default).toBe('Alt+Shift+P');
    // Firefox takes sandbox keys only from 154 (and AMO's linter warns on them before): the proxy's <meta> is its policy.
    expect(m.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
    expect(m.sandbox).toBeUndefined();
  });

  it('Firefox: no Android declaration, since Firefox for Android has no sidebar', () => {
    const m = manifestOf('.output/firefox-mv3');
    expect(m.browser_specific_settings.gecko_android).toBeUndefined();
  });

  it.each(['.output/chrome-mv3', '.output/firefox-mv3'])('%s: every declared icon exists at its size, 96 px included (Firefox asks for it)', (dir) => {
    const icons: Record<string, string> = manifestOf(dir).icons;
    expect(Object.keys(icons)).toContain('96');
    for (const [size, path] of Object.entries(icons)) expect(pngSize(`${dir}/${path}`), path).toEqual({ width: Number(size), height: Number(size) });
  });
});

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
