/** True when a token granted `granted` carries every scope in `wanted` (or nothing is wanted). */
export function coversScope(granted: string | undefined, wanted: string | undefined): boolean {
  if (!wanted) return true;
  const have = new Set((granted ?? '').split(/\s+/).filter(Boolean));
  return wanted.split(/\s+/).filter(Boolean).every((scope) => have.has(scope));
}
