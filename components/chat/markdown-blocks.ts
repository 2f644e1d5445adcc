/**
 * Splits a model's Markdown into top-level blocks, so a streaming answer re-parses only its last
 * block: the blocks before it are finished text whose rendering never changes (memoized by the
 * caller). Parsing the whole growing answer at every update made each update cost more than the
 * one before, and froze the panel for hundreds of milliseconds in long answers.
 *
 * A split is only made where parsing the parts apart renders the same as parsing the whole: at a
 * blank line outside a fenced code block, before a line that starts at the margin and does not
 * continue a list. Text with reference-style link or footnote definitions (which reach across
 * blocks) is kept whole.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const CROSS_BLOCK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
/** A last, unfinished line that may still become an ordered list item (`2` before its `.`). */
const MAYBE_LIST_ITEM = /^ {0,3}\d{1,9}$/;

/** Is `line` the fence that closes one opened by `open` (same character, at least as long)? */
function closesFence(line: string, open: string): boolean {
  const match = FENCE.exec(line);
  if (!match) return false;
  const fence = match[1]!;
  return fence[0] === open[0] && fence.length >= open.length && line.slice(match[0].length).trim() === '';
}

/**
 * The text's blocks, in order; joined they give back the text exactly. Appending text changes
 * only the last block (or adds new ones after it): every block before the last is final.
 */
export function splitMarkdownBlocks(text: string): string[] {
  if (CROSS_BLOCK_DEFINITION.test(text)) return [text];
  const lines = text.split('\n');
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  let afterBlank = false;
  let inList = false;
  for (const [index, line] of lines.entries()) {
    const unfinished = index === lines.length - 1;
    const blank = line.trim() === '';
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
    } else if (!blank) {
      const atMargin = line[0] !== ' ' && line[0] !== '\t';
      const listItem = LIST_ITEM.test(line) || (unfinished && MAYBE_LIST_ITEM.test(line));
      if (afterBlank && atMargin && current.length > 0 && !(inList && listItem)) {
        blocks.push(`${current.join('\n')}\n`);
        current = [];
      }
      if (current.length === 0 || (afterBlank && atMargin)) inList = listItem;
      const open = FENCE.exec(line);
      if (open) fence = open[1]!;
    }
    afterBlank = blank && fence === null;
    current.push(line);
  }
  blocks.push(current.join('\n'));
  return blocks;
}
