// `npm start` after the build: Chromium with Patchbay loaded and its panel open, or, without a
// display, exactly what to do by hand.
import { resolve } from 'node:path';
import { DEMO_CONNECTOR } from '../../lib/contract/demo-connector';
import { CHROME_BUILD_DIR, launchChromiumWithExtension } from '../e2e/harness/chromium';
import { openRealSidePanel } from '../e2e/harness/side-panel';
import { startServerEverything } from '../fixtures/mcp-servers/server-everything';

const FIREFOX_BUILD_DIR = resolve('.output/firefox-mv3');
const PROFILE_DIR = resolve('.output/chromium-profile');
/** Any page will do: Patchbay sits beside whatever you browse. This one says where to look. */
const WELCOME_PAGE = `data:text/html,${encodeURIComponent(
  '<title>Patchbay</title><body style="font:16px system-ui;margin:3em;max-width:36em"><h1>Patchbay is open in the side panel →</h1><p>Go to <b>Connectors</b> and click <b>Add the demo server</b>, then set a model under <b>Settings</b>. Any page you open in this window keeps the panel beside it.</p></body>',
)}`;

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
  const [first] = chromium.context.pages();
  const page = first ?? (await chromium.context.newPage());
  await page.goto(WELCOME_PAGE);
  try {
    await openRealSidePanel(chromium.context, chromium.extensionUrl, page);
  } catch (error) {
    // A Chromium that refuses the programmatic gesture still gets the same panel, in a tab.
    console.warn(`Could not open the side panel (${(error as Error).message}); opening it in a tab instead.`);
    await (await chromium.openPanel()).bringToFront();
  }
  console.log(`Chromium is running with Patchbay (${chromium.extensionId}) in its side panel; demo connector at ${demo.url}. Close the window to stop.`);
  chromium.context.on('close', stopDemo);
}
