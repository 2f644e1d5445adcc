// `npm start` after the build: Chromium with Patchbay loaded and its panel open, or, without a
// display, exactly what to do by hand.
import { resolve } from 'node:path';
import { CHROME_BUILD_DIR, launchChromiumWithExtension } from '../e2e/harness/chromium';

const FIREFOX_BUILD_DIR = resolve('.output/firefox-mv3');
const PROFILE_DIR = resolve('.output/chromium-profile');

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
Built both browsers:
  Chrome / Chromium:  ${CHROME_BUILD_DIR}
  Firefox:            ${FIREFOX_BUILD_DIR}

No display found (DISPLAY is not set), so no browser was opened. Either:
  • run it under a virtual display:   xvfb-run -a npm start      (apt-get install -y xvfb)
  • or load the build by hand:
      Chrome:  open chrome://extensions, switch on Developer mode, click "Load unpacked",
               choose ${CHROME_BUILD_DIR}, then click Patchbay's toolbar button (or press Alt+Shift+P).
      Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…",
               choose ${FIREFOX_BUILD_DIR}/manifest.json, then press Alt+Shift+P for the sidebar.
`);
  process.exit(0);
}

const chromium = await launchChromiumWithExtension({ headless: false, userDataDir: PROFILE_DIR });
// Chrome opens the real side panel only from a user gesture; until you click the toolbar button,
// the same panel page opens in a tab.
const panel = await chromium.openPanel();
await panel.bringToFront();
console.log(`Chromium is running with Patchbay (${chromium.extensionId}). Close the window to stop.`);
chromium.context.on('close', () => process.exit(0));
process.on('SIGINT', () => void chromium.close().then(() => process.exit(0)));
