/**
 * A small seeded PRNG (mulberry32), so a fault run that fails can be replayed from the seed it
 * printed: `PATCHBAY_FAULT_SEED=<seed>`.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed from `PATCHBAY_FAULT_SEED`, or a fresh one; the caller prints it. */
export function faultSeed(): number {
  const fromEnv = Number(process.env.PATCHBAY_FAULT_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31) + 1;
}
