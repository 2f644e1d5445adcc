import { describe, expect, it } from 'vitest';
import { extensionLocalArea } from '@/lib/browser/key-value-area';
import { asksWhenInputCrossesConnectors } from '@/lib/contract/approval-settings';
import { ApprovalSettingsStore } from '@/lib/settings/approval-settings-store';

describe('ApprovalSettingsStore', () => {
  it('asks when the input crosses connectors by default, also for settings stored before the choice existed', async () => {
    const area = extensionLocalArea();
    const store = new ApprovalSettingsStore(area);
    expect(asksWhenInputCrossesConnectors(await store.read())).toBe(true);
    await area.set('settings.approvals', { keepDecisionsAcrossReloads: true });
    const old = await store.read();
    expect(old.keepDecisionsAcrossReloads).toBe(true);
    expect(asksWhenInputCrossesConnectors(old)).toBe(true);
  });

  it('keeps the user turning the cross-connector check off', async () => {
    const store = new ApprovalSettingsStore(extensionLocalArea());
    await store.save({ keepDecisionsAcrossReloads: false, askWhenInputCrossesConnectors: false });
    expect(await store.read()).toEqual({ keepDecisionsAcrossReloads: false, askWhenInputCrossesConnectors: false });
    expect(asksWhenInputCrossesConnectors(await store.read())).toBe(false);
  });

  it('refuses a setting that is not a boolean and keeps what was stored', async () => {
    const store = new ApprovalSettingsStore(extensionLocalArea());
    await store.save({ keepDecisionsAcrossReloads: true, askWhenInputCrossesConnectors: false });
    await expect(store.save({ keepDecisionsAcrossReloads: true, askWhenInputCrossesConnectors: 'no' as unknown as boolean })).rejects.toThrow();
    expect(asksWhenInputCrossesConnectors(await store.read())).toBe(false);
  });
});
