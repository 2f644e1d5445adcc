/** A field of a tool definition as people read it: text as is, anything else as pretty JSON. */
export function driftValueText(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Field names of a tool definition in words. */
export function driftFieldLabel(field: string): string {
  const labels: Record<string, string> = {
    name: 'Name',
    title: 'Title',
    description: 'Description',
    inputSchema: 'Input schema',
    outputSchema: 'Output schema',
    annotations: 'Annotations',
  };
  return labels[field] ?? field;
}

export interface DiffSegment {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

const MAX_TOKENS = 600;

/**
 * Word-level diff of two texts (longest common subsequence), so a changed description reads as
 * the sentence with what was removed and added marked. Long texts fall back to before/after whole.
 */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) return merge([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i++]! });
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: 'removed', text: a[i++]! });
    else out.push({ kind: 'added', text: b[j++]! });
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) out.push({ kind: 'added', text: b[j++]! });
  return groupChanges(merge(out));
}

/** A stretch kept between two changes that says nothing alone: spaces, or one short word. */
function trivial(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 || (words.length === 1 && words[0]!.length <= 3);
}

/**
 * Reads like an edit, not confetti: short common bits between changes join the change, and each
 * change shows all that was removed, then all that was added.
 */
function groupChanges(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    out.push({ kind: 'removed', text: removed }, { kind: 'added', text: added });
    removed = added = '';
  };
  segments.forEach((segment, index) => {
    const inChange = removed !== '' || added !== '';
    if (segment.kind === 'removed') removed += segment.text;
    else if (segment.kind === 'added') added += segment.text;
    else if (inChange && index < segments.length - 1 && trivial(segment.text)) {
      removed += segment.text;
      added += segment.text;
    } else {
      if (inChange) flush();
      out.push(segment);
    }
  });
  if (removed !== '' || added !== '') flush();
  return merge(out);
}

/** Joins neighbours of the same kind, and drops empty texts. */
function merge(segments: DiffSegment[]): DiffSegment[] {
  const merged: DiffSegment[] = [];
  for (const segment of segments) {
    if (!segment.text) continue;
    const last = merged[merged.length - 1];
    if (last && last.kind === segment.kind) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}
