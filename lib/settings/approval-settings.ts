import { z } from 'zod';

/**
 * How long "Remember for this conversation" lasts. Off (the default, as in ChatGPT): a reload of
 * the panel asks again. On: remembered decisions last as long as the conversation and the tool's
 * definition stay the same.
 */
export const ApprovalSettingsSchema = z.object({ keepDecisionsAcrossReloads: z.boolean() });
export type ApprovalSettings = z.infer<typeof ApprovalSettingsSchema>;

export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = { keepDecisionsAcrossReloads: false };
