// `npm start` after the build: Chromium with Patchbay loaded and its panel open, or, without a
// display, exactly what to do by hand.
import { resolve } from 'node:path';
import { DEMO_CONNECTOR } from '../../lib/mcp/demo-connector';
import { CHROME_BUILD_DIR, launchChromiumWithExtension } from '../e2e/harness/chromium';
import { startServerEverything } from '../fixtures/mcp-servers/server-everything';

const FIREFOX_BUILD_DIR = resolve('.output/firefox-mv3');
const PROFILE_DIR = resolve('.output/chromium-profile');

// PATCHBAY_DEMO_PORT lets a test run this script beside a developer's own `npm start` (port 0: any
// free port); the panel's one-click demo button always points at DEMO_CONNECTOR.port.
const demo = await startServerEverything('streamableHttp', { port: Number(process.env.PATCHBAY_DEMO_PORT ?? DEMO_CONNECTOR.port) });
const stopDemo = () => void demo.close().finally(() => process.exit(0));
process.on('SIGINT', stopDemo);
process.on('SIGTERM', stopDemo);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`
Demo connector (server-everything) running at ${demo.url}. Ctrl+C stops it.

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
    Then, on the Connectors tab, click "Add the demo server".
`);
} else {
  await openChromium();
}

async function openChromium(): Promise<void> {
  const chromium = await launchChromiumWithExtension({ headless: false, userDataDir: PROFILE_DIR });
  // Chrome opens the real side panel only from a user gesture; until you click the toolbar button,
  // the same panel page opens in a tab.
  const panel = await chromium.openPanel();
  await panel.bringToFront();
  console.log(`Chromium is running with Patchbay (${chromium.extensionId}); demo connector at ${demo.url}. Close the window to stop.`);
  chromium.context.on('close', stopDemo);
}
