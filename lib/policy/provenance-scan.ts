import type { ArgumentString } from './provenance-text';
import { rollingHashes } from './rolling-hash';

/** Offsets of one k-gram in the argument strings; repeats beyond this add nothing but work. */
const MAX_BUCKET = 8;

/** How many characters `a` from `i` and `b` from `j` have in common, compared as UTF-16 code units. */
function commonPrefixLength(a: string, i: number, b: string, j: number): number {
  let length = 0;
  while (i + length < a.length && j + length < b.length && a.charCodeAt(i + length) === b.charCodeAt(j + length)) length++;
  return length;
}

/** k-gram hash to [needle, offset] pairs (flattened), a bit filter in front of it, and the longest needle. */
export interface NeedleIndex {
  buckets: Map<number, number[]>;
  filter: Uint8Array;
  longestNeedle: number;
}
const FILTER_MASK = (1 << 20) - 1;

/** Hash of every k-gram of every argument string; the bit filter spares the map most haystack windows. */
export function indexNeedles(needles: readonly ArgumentString[], k: number): NeedleIndex {
  const index: NeedleIndex = { buckets: new Map(), filter: new Uint8Array((FILTER_MASK + 1) >> 3), longestNeedle: 0 };
  needles.forEach(({ text }, n) => {
    index.longestNeedle = Math.max(index.longestNeedle, text.length);
    rollingHashes(text, k, (hash, offset) => {
      const bucket = index.buckets.get(hash) ?? [];
      if (bucket.length < MAX_BUCKET * 2) bucket.push(n, offset);
      index.buckets.set(hash, bucket);
      index.filter[(hash & FILTER_MASK) >> 3]! |= 1 << (hash & 7);
    });
  });
  return index;
}

/** Longest span per needle that occurs in `haystack`; each diagonal (needle offset vs haystack offset) extended once. */
export function scan(haystack: string, needles: readonly ArgumentString[], index: NeedleIndex, k: number, work: { left: number }): Map<number, string> {
  const longest = new Map<number, string>();
  const extendedTo = new Map<number, number>();
  // One number per (needle, diagonal j - i); exact while needles × (haystack + longest needle) < 2^53.
  const shift = index.longestNeedle;
  const diagonalSpan = haystack.length + shift;
  const { filter, buckets } = index;
  rollingHashes(haystack, k, (hash, j) => {
    if ((filter[(hash & FILTER_MASK) >> 3]! & (1 << (hash & 7))) === 0) return true;
    const bucket = buckets.get(hash);
    if (!bucket || work.left <= 0) return work.left > 0;
    for (let b = 0; b < bucket.length; b += 2) {
      const n = bucket[b]!;
      const i = bucket[b + 1]!;
      const diagonal = n * diagonalSpan + (j - i + shift);
      if ((extendedTo.get(diagonal) ?? -1) > j) continue;
      const s = needles[n]!.text;
      const end = commonPrefixLength(s, i, haystack, j);
      work.left -= Math.min(end, k) + 1;
      if (end < k) continue;
      work.left -= end;
      extendedTo.set(diagonal, j + end);
      if (end > (longest.get(n)?.length ?? 0)) {
        const span = s.slice(i, i + end);
        if (span.trim().length >= k) longest.set(n, span);
      }
    }
    return work.left > 0;
  });
  return longest;
}
