/** Odd multiplier for a polynomial hash modulo 2^32 (FNV's prime); collisions are verified by the caller. */
const BASE = 0x01000193;
/** Hashes are handed out as 30-bit integers, which V8 keeps unboxed (fast `Map` keys). */
const SMALL = 0x3fffffff;

/**
 * Calls `visit(hash, offset)` for each k-character window of `text`, in order, in one pass
 * (Rabin–Karp). Stops when `visit` returns false. Equal windows always get equal hashes, so the
 * same function indexes needles and scans haystacks.
 */
export function rollingHashes(text: string, k: number, visit: (hash: number, offset: number) => boolean | void): void {
  if (text.length < k) return;
  let power = 1;
  for (let t = 1; t < k; t++) power = Math.imul(power, BASE);
  let hash = 0;
  for (let t = 0; t < k; t++) hash = (Math.imul(hash, BASE) + text.charCodeAt(t)) >>> 0;
  if (visit(hash & SMALL, 0) === false) return;
  for (let j = 1; j + k <= text.length; j++) {
    hash = (Math.imul(hash - Math.imul(text.charCodeAt(j - 1), power), BASE) + text.charCodeAt(j + k - 1)) >>> 0;
    if (visit(hash & SMALL, j) === false) return;
  }
}
