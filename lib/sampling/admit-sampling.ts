import { checkSamplingMessages } from './check-sampling-messages';
import type { SamplingRateLimit } from './sampling-rate-limit';
import type { SamplingSubject } from './sampling-service';

/**
 * On arrival, before any card: a server over its rate limit, or a request that breaks the spec's
 * tool-use rules, is refused at once with a `SamplingRefusedError` (stored, shown and audited as refused).
 */
export function admitSampling(rateLimit: SamplingRateLimit, subject: SamplingSubject): void {
  rateLimit.admit(subject.connectorId, subject.connectorLabel);
  checkSamplingMessages(subject.params);
}
