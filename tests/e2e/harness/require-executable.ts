import { existsSync } from 'node:fs';

/** Debian's browsers, the only ones this project drives; nothing downloads its own. */
export const CHROMIUM_PATH = process.env.PATCHBAY_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.PATCHBAY_FIREFOX ?? '/usr/bin/firefox-esr';

/** A missing browser fails the run with the command that installs it; it never skips. */
export function requireExecutable(path: string, debianPackage: string): string {
  if (existsSync(path)) return path;
  throw new Error(`${path} not found. Install it with: apt-get update && apt-get install -y ${debianPackage}`);
}

/** The e2e tests load what `npm run build` made; they never build it themselves. */
export function requireBuild(dir: string): string {
  if (existsSync(`${dir}/manifest.json`)) return dir;
  throw new Error(`${dir}/manifest.json not found. Build the extension first: npm run build`);
}
