import { isLocalNetworkHost } from '../contract/local-network-host';
import type { EndpointCheckResult } from '../contract/endpoint-check-result';
import type { ProviderSettings } from '../contract/provider-settings';
import type { GuardAnswer } from '../llm/origin-guard-probe';
import { looksLikeOriginRejection } from '../llm/origin-rejection';

export interface OriginProbeDeps {
  check(settings: ProviderSettings): Promise<EndpointCheckResult>;
  /** An empty chat request, which carries Origin where the model list does not (see `probeOriginGuard`). */
  guard(settings: ProviderSettings): Promise<GuardAnswer | null>;
  /** Sets the origins Test removes Origin for ([] to stop), on top of the saved settings' rule. */
  probeOrigins(origins: readonly string[]): Promise<void>;
}

/**
 * Settings › Test, proving a suspected Origin refusal. The check runs as the settings say; for a
 * server on this machine or the local network it also sends an empty chat request. When either
 * gets a 403 that names no key problem, both run again with Origin removed for that origin. If
 * that cures it, the result says so (the form then turns on "Send requests without the Origin
 * header"); if not, the failure stands, with what the second try saw. The probe's rule is removed
 * either way: Test stores nothing.
 */
export async function checkWithOriginProbe(settings: ProviderSettings, deps: OriginProbeDeps): Promise<EndpointCheckResult> {
  const origin = new URL(settings.baseUrl).origin;
  if (settings.omitOrigin) return withProbe([origin], deps, () => deps.check(settings));
  const first = await deps.check(settings);
  const guarded = first.ok ? await isGuarded(settings, deps) : first.code === 'origin-rejected';
  if (!guarded) return first;
  return withProbe([origin], deps, async () => {
    const second = await deps.check(settings);
    if (second.ok && !(await isGuarded(settings, deps))) return { ...second, originOmitted: true };
    const why = second.ok ? 'a chat request was still refused (403)' : second.message;
    return {
      ok: false,
      code: 'origin-rejected',
      status: 403,
      message: `${first.ok ? `${origin} lists its models but refuses chat requests (403) and gives no reason.` : first.message} Without the Origin header it still failed: ${why}`,
    };
  });
}

async function isGuarded(settings: ProviderSettings, deps: OriginProbeDeps): Promise<boolean> {
  if (!isLocalNetworkHost(new URL(settings.baseUrl).hostname)) return false;
  const answer = await deps.guard(settings);
  return answer !== null && looksLikeOriginRejection({ status: answer.status, baseUrl: settings.baseUrl, errorBody: answer.errorBody });
}

async function withProbe<T>(origins: readonly string[], deps: OriginProbeDeps, run: () => Promise<T>): Promise<T> {
  await deps.probeOrigins(origins);
  try {
    return await run();
  } finally {
    await deps.probeOrigins([]).catch(() => undefined);
  }
}
