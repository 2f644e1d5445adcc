import { z } from 'zod';

/**
 * How far "Remember for this conversation" reaches. `keepDecisionsAcrossReloads` off (the default,
 * as in ChatGPT): a reload of the panel asks again; on: remembered decisions last as long as the
 * conversation and the tool's definition stay the same. `askWhenInputCrossesConnectors` on (the
 * default, also when absent, so settings stored before it existed keep the safe rule): a remembered
 * allow still asks when the call's input carries another connector's output, the way a prompt
 * injection moves text from a page into a write.
 */
export const ApprovalSettingsSchema = z.object({
  keepDecisionsAcrossReloads: z.boolean(),
  askWhenInputCrossesConnectors: z.boolean().optional(),
});
export type ApprovalSettings = z.infer<typeof ApprovalSettingsSchema>;

export const DEFAULT_APPROVAL_SETTINGS: ApprovalSettings = { keepDecisionsAcrossReloads: false };

/** The cross-connector check as it applies: on unless the user turned it off. */
export function asksWhenInputCrossesConnectors(settings: ApprovalSettings): boolean {
  return settings.askWhenInputCrossesConnectors !== false;
}
