/**
 * `zod-config.ts` for a page that loads zod later, in a lazily loaded chunk: zod keeps its config
 * on `globalThis.__zod_globalConfig` and adopts the object it finds there, so setting `jitless`
 * before zod is ever imported configures every zod the page loads, without loading zod for it
 * (the panel's first screen does not). Imported first by the panel's entry.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
