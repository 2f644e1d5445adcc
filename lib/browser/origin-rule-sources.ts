/** Who asked for an Origin-removing rule: the connectors, and the model endpoint (saved or under Test). */
export type OriginRuleSource = 'connectors' | 'model' | 'model-probe';

/**
 * The one set of session rules, fed by several owners: each sets its own origins and the union is
 * written, one sync after another, so the connectors' sync does not drop the model's rule (or the
 * reverse) and two syncs never race for the same rule ids.
 */
export function createOriginRuleSources(sync: (origins: readonly string[]) => Promise<void>) {
  const bySource = new Map<OriginRuleSource, readonly string[]>();
  let queue: Promise<void> = Promise.resolve();
  return function setOrigins(source: OriginRuleSource, origins: readonly string[]): Promise<void> {
    bySource.set(source, origins);
    const next = queue.then(() => sync([...new Set([...bySource.values()].flat())]));
    queue = next.catch(() => undefined);
    return next;
  };
}

export type SetOriginRules = ReturnType<typeof createOriginRuleSources>;
