import { useEffect, useId, useState } from 'react';
import { sendCommand } from '@/lib/messaging/command-client';
import type { ApprovalSettings } from '@/lib/contract/approval-settings';
import { useCommandQuery } from '../app/useCommandQuery';
import { errorText } from '../ui/error-text';

type Key = keyof ApprovalSettings;

/** Each setting as the user reads it; the value shown for an absent one is its default. */
const ROWS: { key: Key; label: string; hint: string; absent: boolean }[] = [
  {
    key: 'keepDecisionsAcrossReloads',
    label: 'Keep remembered decisions across reloads',
    hint: 'Off: reloading the panel asks again for every write tool, even where you chose Remember.',
    absent: false,
  },
  {
    key: 'askWhenInputCrossesConnectors',
    label: 'Ask when the input came from another connector',
    hint: 'On: a tool you chose Remember for still asks when part of its input is another connector’s output, such as a page or a mail.',
    absent: true,
  },
];

/** How long "Remember for this conversation" lasts, and when it still asks (see `lib/contract/approval-settings`). */
export function ApprovalSettingsSection() {
  const query = useCommandQuery('settings.approvals.get', {}, ['settings-changed']);
  const [settings, setSettings] = useState<ApprovalSettings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const stored = query.status === 'ready' ? query.data : null;
  useEffect(() => setSettings(stored), [stored]);

  async function change(key: Key, value: boolean) {
    if (!settings) return;
    const before = settings;
    // The whole object is saved, so changing one setting never resets the other.
    const next = { ...settings, [key]: value };
    setSettings(next);
    setSaving(true);
    setFailure(null);
    try {
      setSettings(await sendCommand('settings.approvals.save', next));
    } catch (error) {
      setSettings(before);
      setFailure(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  const problem = failure ?? (query.status === 'failed' ? errorText(query.error) : null);
  return (
    <div className="card stack">
      {ROWS.map(({ key, label, hint, absent }) => (
        <div className="check" key={key}>
          <input
            id={`${id}-${key}`}
            type="checkbox"
            aria-describedby={`${id}-${key}-hint`}
            checked={settings ? (settings[key] ?? absent) : false}
            disabled={settings === null || saving}
            onChange={(event) => void change(key, event.target.checked)}
          />
          <span>
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <small id={`${id}-${key}-hint`}>{hint}</small>
          </span>
        </div>
      ))}
      {problem && (
        <div className="notice notice-inline" data-tone="error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
