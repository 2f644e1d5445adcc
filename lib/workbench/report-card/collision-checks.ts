import type { Finding } from '../../contract/report-finding';
import { finding, quoted } from './finding';

/** A tool somewhere among the user's connectors. */
export interface PlacedTool {
  connectorId: string;
  connectorLabel: string;
  name: string;
}

/** Names this close (edits, after folding case and punctuation) read as the same to a model. */
const NEAR_DISTANCE = 2;
/** Shorter names differ by two edits too easily (`get`/`set`) to mean anything. */
const NEAR_MIN_LENGTH = 6;

/** Case and punctuation folded away: `Get-Item`, `get_item` and `getItem` are one name. */
export function foldName(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The seed's "choose the right tool among similar ones": a tool whose folded name equals another's
 * among all the user's connectors (this one's included) is a Warning — the model confuses them and
 * the user cannot tell them apart in a prompt; one a couple of edits away is Info.
 */
export function checkCollisions(tool: PlacedTool, everyTool: readonly PlacedTool[]): Finding[] {
  const folded = foldName(tool.name);
  const same: PlacedTool[] = [];
  const near: PlacedTool[] = [];
  for (const other of everyTool) {
    if (other.connectorId === tool.connectorId && other.name === tool.name) continue;
    const otherFolded = foldName(other.name);
    if (otherFolded === folded) same.push(other);
    else if (Math.min(folded.length, otherFolded.length) >= NEAR_MIN_LENGTH && Math.abs(folded.length - otherFolded.length) <= NEAR_DISTANCE && editDistance(folded, otherFolded, NEAR_DISTANCE) <= NEAR_DISTANCE) near.push(other);
  }
  const found: Finding[] = [];
  if (same.length > 0) {
    found.push(finding('warning', tool.name, 'name-collision', `${quoted(tool.name)} has the same name, but for case or punctuation, as ${list(same, tool)}: the model and the user confuse them.`, 'Give each tool a name that says how it differs (its object or scope), and say in each description when to use the other one.'));
  }
  if (near.length > 0) {
    found.push(finding('info', tool.name, 'name-near-collision', `${quoted(tool.name)} is a typo away from ${list(near, tool)}: models pick the wrong one of names this close.`, 'Rename one of them so the difference is a word, not a letter, and say in each description when to use the other.'));
  }
  return found;
}

function list(tools: readonly PlacedTool[], self: PlacedTool): string {
  const shown = tools.slice(0, 3).map((other) => (other.connectorId === self.connectorId ? quoted(other.name) : `${quoted(other.name)} (${other.connectorLabel})`));
  return tools.length > 3 ? `${shown.join(', ')} and ${tools.length - 3} more` : shown.join(', ');
}

/** Levenshtein distance, stopping once it exceeds `cap` (only "within cap or not" matters). */
export function editDistance(a: string, b: string, cap: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length]!;
}
