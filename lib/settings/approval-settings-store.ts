import type { KeyValueArea } from '../browser/key-value-area';
import { ApprovalSettingsSchema, DEFAULT_APPROVAL_SETTINGS, type ApprovalSettings } from '../contract/approval-settings';

const STORAGE_KEY = 'settings.approvals';

/** Reads and writes the approval settings in the same storage area as the provider settings. */
export class ApprovalSettingsStore {
  constructor(private readonly area: KeyValueArea) {}

  /** Stored settings, or the defaults (ask again after a reload) when none or unreadable. */
  async read(): Promise<ApprovalSettings> {
    const parsed = ApprovalSettingsSchema.safeParse(await this.area.get(STORAGE_KEY));
    return parsed.success ? parsed.data : DEFAULT_APPROVAL_SETTINGS;
  }

  async save(input: ApprovalSettings): Promise<ApprovalSettings> {
    const next = ApprovalSettingsSchema.parse(input);
    await this.area.set(STORAGE_KEY, next);
    return next;
  }
}
