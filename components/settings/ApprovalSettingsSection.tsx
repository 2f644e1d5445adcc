import { useEffect, useId, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import { useCommandQuery } from '../app/useCommandQuery';
import { errorText } from '../ui/error-text';

/** Whether "Remember for this conversation" outlives a reload of the panel (off: the seed's rule). */
export function ApprovalSettingsSection() {
  const query = useCommandQuery('settings.approvals.get', {}, ['settings-changed']);
  const [keep, setKeep] = useState<boolean | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const stored = query.status === 'ready' ? query.data.keepDecisionsAcrossReloads : null;
  useEffect(() => setKeep(stored), [stored]);

  async function change(next: boolean) {
    setKeep(next);
    setSaving(true);
    setFailure(null);
    try {
      setKeep((await sendCommand('settings.approvals.save', { keepDecisionsAcrossReloads: next })).keepDecisionsAcrossReloads);
    } catch (error) {
      setKeep(!next);
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="card stack">
      <div className="check">
        <input
          id={id}
          type="checkbox"
          aria-describedby={`${id}-hint`}
          checked={keep ?? false}
          disabled={keep === null || saving}
          onChange={(event) => void change(event.target.checked)}
        />
        <span>
          <label htmlFor={id}>Keep remembered decisions across reloads</label>
          <small id={`${id}-hint`}>Off: reloading the panel asks again for every write tool, even where you chose Remember.</small>
        </span>
      </div>
      {(failure ?? (query.status === 'failed' ? errorText(query.error) : null)) && (
        <div className="notice notice-inline" data-tone="error" role="alert">
          {failure ?? (query.status === 'failed' ? errorText(query.error) : '')}
        </div>
      )}
    </div>
  );
}
