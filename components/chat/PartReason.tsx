import type { PartEndReason, PartStatus } from '@/lib/db/message-parts';

const LABEL: Record<PartEndReason['code'], string> = {
  cancelled: 'Stopped',
  error: 'Failed',
  interrupted: 'Interrupted',
  denied: 'Denied',
  'step-limit': 'Step limit reached',
  'outcome-unknown': 'Outcome unknown',
};

/** Why a part ended early, in a line under it; nothing for a part that ran to its end. */
export function PartReason({ status }: { status: PartStatus }) {
  if (status.type !== 'incomplete') return null;
  return (
    <p className="part-reason small" data-code={status.reason.code}>
      <strong>{LABEL[status.reason.code]}</strong> — {status.reason.message}
    </p>
  );
}
