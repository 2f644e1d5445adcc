import type { AuthStep } from '../../contract/auth-step';
import type { OAuthStore } from '../../auth/oauth-store';

/** Steps kept per connector for the auth debugger: the last flow, and a little before it. */
const MAX_STEPS = 60;

/**
 * The auth debugger's memory: the steps of each connector's last flow, answered at once from
 * memory and written through to the OAuth store, from which a restarted worker reads them back.
 */
export function createAuthStepLog(store: OAuthStore) {
  const steps = new Map<string, AuthStep[]>();
  /** Steps recorded before the stored ones were read come after them. */
  const loaded = store.readSteps().then(
    (stored) => {
      for (const [id, old] of Object.entries(stored)) steps.set(id, [...old, ...(steps.get(id) ?? [])].slice(-MAX_STEPS));
    },
    () => undefined,
  );
  const persist = () => void loaded.then(() => store.writeSteps(Object.fromEntries(steps))).catch(() => undefined);
  return {
    record(connectorId: string, step: AuthStep) {
      steps.set(connectorId, [...(steps.get(connectorId) ?? []), step].slice(-MAX_STEPS));
      persist();
    },
    /** A new flow starts: the debugger shows only its steps. */
    startFlow(connectorId: string) {
      steps.delete(connectorId);
      persist();
    },
    forget(connectorId: string) {
      steps.delete(connectorId);
      persist();
    },
    steps: (connectorId: string): AuthStep[] => steps.get(connectorId) ?? [],
    /** The steps once the stored ones are read (right after a worker restart, `steps` may not have them yet). */
    load: async (connectorId: string): Promise<AuthStep[]> => {
      await loaded;
      return steps.get(connectorId) ?? [];
    },
  };
}
