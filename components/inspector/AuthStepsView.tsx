import type { ConnectorStatus } from '@/lib/contract/connector-status';
import { useCommandQuery } from '../app/useCommandQuery';
import { errorText } from '../ui/error-text';

const OUTCOME_MARK = { ok: '✓', failed: '✗', skipped: '–' } as const;

/**
 * The auth debugger: each step of the connector's last OAuth flow — which URL was asked, what came
 * back, what was decided — and, where it failed, the precise reason.
 */
export default function AuthStepsView({ connectorId, status }: { connectorId: string; status: ConnectorStatus | undefined }) {
  const steps = useCommandQuery('connectors.authSteps', { id: connectorId }, ['connector-status']);
  return (
    <section className="auth-steps" aria-label="Sign-in steps" data-status={status?.state}>
      {steps.status === 'loading' && <p className="muted small">Loading…</p>}
      {steps.status === 'failed' && <p className="notice" data-tone="error">{errorText(steps.error)}</p>}
      {steps.status === 'ready' && steps.data.length === 0 && <p className="muted small">No sign-in has run since the background started.</p>}
      {steps.status === 'ready' && steps.data.length > 0 && (
        <ol className="steps">
          {steps.data.map((step, index) => (
            <li key={index} data-outcome={step.outcome}>
              <span className="step-mark" aria-label={step.outcome}>
                {OUTCOME_MARK[step.outcome]}
              </span>
              <div className="step-body">
                <strong>{step.step}</strong>
                {step.url && (
                  <code className="step-url">
                    {step.status !== undefined ? `${step.status} ` : ''}
                    {step.url}
                  </code>
                )}
                <span className="step-detail">{step.detail}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
