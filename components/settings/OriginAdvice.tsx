/**
 * What happened when a local model server refused the extension's Origin, what Patchbay did about
 * it, and the alternative: allowing this extension on the server (Ollama's `OLLAMA_ORIGINS`).
 */
export function OriginAdvice({ baseUrl, fixed }: { baseUrl: string; fixed: boolean }) {
  const origin = URL.canParse(baseUrl) ? new URL(baseUrl).origin : baseUrl;
  const self = globalThis.location?.origin ?? 'chrome-extension://<id>';
  return (
    <div className="stack origin-advice">
      {fixed ? (
        <span>
          {origin} answered 403 to a chat request carrying <span className="mono">Origin: {self}</span>, and answered normally
          without it: its guard against web pages (DNS rebinding) refuses browser extensions. Patchbay turned on “Send requests
          without the Origin header” for this endpoint: Save (or pick a model) to keep it.
        </span>
      ) : (
        <span>Patchbay also tried without the Origin header (above, what that gave), so check the server’s own access settings.</span>
      )}
      <span>
        Or allow Patchbay on the server instead, for Ollama: <code className="mono">OLLAMA_ORIGINS={self}</code> before{' '}
        <code className="mono">ollama serve</code>.
      </span>
    </div>
  );
}
