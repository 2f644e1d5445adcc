import { browser } from 'wxt/browser';

/** Session rule ids Patchbay owns; one per origin, replaced wholesale on every sync. */
const RULE_ID_BASE = 1_000;

interface DeclarativeNetRequest {
  getSessionRules(): Promise<{ id: number }[]>;
  updateSessionRules(update: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
}

/**
 * Removes the `Origin` header from Patchbay's own requests to the given origins: some servers'
 * DNS-rebinding guards refuse `Origin: chrome-extension://…`. Scoped to those origins and to
 * requests this extension starts, so no web page's traffic is touched.
 */
export async function syncOriginHeaderRules(origins: readonly string[]): Promise<void> {
  const dnr = (browser as unknown as { declarativeNetRequest?: DeclarativeNetRequest }).declarativeNetRequest;
  if (!dnr) return;
  const existing = (await dnr.getSessionRules()).map((rule) => rule.id).filter((id) => id >= RULE_ID_BASE);
  const addRules = [...new Set(origins)].map((origin, index) => ({
    id: RULE_ID_BASE + index,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
    condition: {
      urlFilter: `|${origin}/`,
      initiatorDomains: [browser.runtime.id],
      resourceTypes: ['xmlhttprequest', 'other'],
    },
  }));
  await dnr.updateSessionRules({ removeRuleIds: existing, addRules });
}
