// Code passed to `page.evaluate` runs inside an extension page, where Chrome's `chrome` exists.
declare const chrome: typeof import('wxt/browser').browser;
