// Patchbay's sandbox proxy for MCP Apps: one per app, loaded by the panel as
// <iframe sandbox="allow-scripts" src="sandbox.html">, so it has an opaque origin and no extension
// API. It accepts one app page from the panel, appends a CSP built from the page's declared
// domains (nothing declared: nothing allowed), then renders the page in a nested
// <iframe sandbox="allow-scripts" srcdoc> (never allow-same-origin), which inherits both policies.
// It relays JSON-RPC between the panel and the app, matched by event.source (origins are "null"),
// and never relays the app's sandbox-* notifications. A classic script: Firefox ESR runs module
// scripts here only from web-accessible files.
(function () {
  'use strict';
  var PROXY_READY = 'ui/notifications/sandbox-proxy-ready';
  var RESOURCE_READY = 'ui/notifications/sandbox-resource-ready';
  var SANDBOX_PREFIX = 'ui/notifications/sandbox-';
  // The same rule as lib/contract/app-resource.ts: scheme://host[:port], nothing that could add a directive.
  var SOURCE = /^(https?|wss?):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;
  var FEATURES = { camera: 'camera', microphone: 'microphone', geolocation: 'geolocation', clipboardWrite: 'clipboard-write' };

  if (window.parent === window) return;
  var host = window.parent;
  var app = null;

  function sources(list) {
    if (!Array.isArray(list)) return [];
    return list.filter(function (entry) { return typeof entry === 'string' && SOURCE.test(entry); }).slice(0, 32);
  }

  function or(list, fallback) {
    return list.length > 0 ? list.join(' ') : fallback;
  }

  /** The app's own policy. It has no 'self': the app may not load the extension's files either. */
  function appPolicy(csp) {
    var declared = csp && typeof csp === 'object' ? csp : {};
    var resources = sources(declared.resourceDomains).join(' ');
    return [
      "default-src 'none'",
      // Declared resource domains serve styles, images, fonts and media; never scripts (no remote code).
      "script-src 'unsafe-inline'",
      "style-src 'unsafe-inline' " + resources,
      'img-src data: blob: ' + resources,
      'font-src data: ' + resources,
      'media-src data: blob: ' + resources,
      'connect-src ' + or(sources(declared.connectDomains), "'none'"),
      'frame-src ' + or(sources(declared.frameDomains), "'none'"),
      'base-uri ' + or(sources(declared.baseUriDomains), "'none'"),
      "form-action 'none'",
      "object-src 'none'",
    ].join('; ');
  }

  /** Permissions the panel passes are the ones the user allowed on the card; anything else is left out. */
  function allowAttribute(permissions) {
    if (!permissions || typeof permissions !== 'object') return '';
    return Object.keys(FEATURES).filter(function (name) { return Boolean(permissions[name]); }).map(function (name) { return FEATURES[name]; }).join('; ');
  }

  function render(params) {
    if (app || !params || typeof params.html !== 'string') return;
    var meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = appPolicy(params.csp);
    document.head.appendChild(meta);
    app = document.createElement('iframe');
    app.setAttribute('sandbox', 'allow-scripts');
    var allow = allowAttribute(params.permissions);
    if (allow) app.setAttribute('allow', allow);
    app.title = 'App';
    app.style.cssText = 'display:block;width:100%;height:100%;border:0;';
    app.srcdoc = params.html;
    document.body.appendChild(app);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    var method = data && typeof data === 'object' && typeof data.method === 'string' ? data.method : '';
    if (event.source === host) {
      if (method === RESOURCE_READY) render(data.params);
      else if (app && app.contentWindow) app.contentWindow.postMessage(data, '*');
      return;
    }
    if (app && event.source === app.contentWindow) {
      if (method.indexOf(SANDBOX_PREFIX) === 0) return;
      host.postMessage(data, '*');
    }
  });

  host.postMessage({ jsonrpc: '2.0', method: PROXY_READY, params: {} }, '*');
})();
