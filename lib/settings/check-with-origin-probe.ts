import type { EndpointCheckResult } from '../contract/endpoint-check-result';
import type { ProviderSettings } from '../contract/provider-settings';

export interface OriginProbeDeps {
  check(settings: ProviderSettings): Promise<EndpointCheckResult>;
  /** Sets the origins Test removes Origin for ([] to stop), on top of the saved settings' rule. */
  probeOrigins(origins: readonly string[]): Promise<void>;
}

/**
 * Settings › Test, proving a suspected Origin refusal: the check runs once as the settings say;
 * when a local server refuses with a 403 that names no key problem, it runs again with Origin
 * removed for that origin. If that answers, the result says so (the form then turns on "Send
 * requests without the Origin header"); if not, the first failure stands, with what the probe saw.
 * The probe's rule is removed either way: Test stores nothing.
 */
export async function checkWithOriginProbe(settings: ProviderSettings, deps: OriginProbeDeps): Promise<EndpointCheckResult> {
  const origin = new URL(settings.baseUrl).origin;
  if (settings.omitOrigin) return withProbe([origin], deps, () => deps.check(settings));
  const first = await deps.check(settings);
  if (first.ok || first.code !== 'origin-rejected') return first;
  const second = await withProbe([origin], deps, () => deps.check(settings));
  if (second.ok) return { ...second, originOmitted: true };
  return { ...first, message: `${first.message} Without the Origin header it still failed: ${second.message}` };
}

async function withProbe<T>(origins: readonly string[], deps: OriginProbeDeps, run: () => Promise<T>): Promise<T> {
  await deps.probeOrigins(origins);
  try {
    return await run();
  } finally {
    await deps.probeOrigins([]).catch(() => undefined);
  }
}
