import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Finding } from '../../contract/report-finding';
import { finding } from './finding';

/** Below this a description cannot say what the tool does, when to use it and its limits. */
export const MIN_DESCRIPTION_LENGTH = 40;

/** "Use this when…", "Use it to…", "Call this when…", "When the user asks…": guidance on when to pick the tool. */
const WHEN_TO_USE = /\b(use|call|choose|pick|invoke)\s+(this|it|me)\b|\buse\s+(when|to|for|if)\b|\bwhen\s+(the\s+user|you|a\s+user)\b|\b(useful|intended|meant)\s+(for|when)\b/i;

/** Words that state a limit, an edge case or what not to do. */
const LIMITS = /\b(not|never|only|unless|except|instead|avoid|limit(s|ed)?|max(imum)?|at\s+most|up\s+to|fails?|errors?|must|cannot|can't|won't|does\s+not|doesn't|requires?|if\s+no)\b/i;

/**
 * The seed's "descriptions that include 'Use this when…' guidance, note disallowed/edge cases":
 * none at all is a Warning (the model picks blind); a short one, or one without when-to-use or
 * limits, is Info. A too-short one gets one finding whose fix names all three.
 */
export function checkDescription(tool: Tool): Finding[] {
  const text = tool.description?.trim() ?? '';
  if (text === '') {
    return [finding('warning', tool.name, 'description-missing', 'The tool has no description: the model chooses it by its name alone.', 'Describe what it does, then "Use this when…", then its limits and what not to use it for.')];
  }
  if (text.length < MIN_DESCRIPTION_LENGTH) {
    return [finding('info', tool.name, 'description-too-short', `The description is ${text.length} characters, too short to say what the tool does, when to use it and its limits.`, 'Write two or three sentences: what it does, "Use this when…", and its edge cases or limits.')];
  }
  const found: Finding[] = [];
  if (!WHEN_TO_USE.test(text)) {
    found.push(finding('info', tool.name, 'description-no-when-to-use', 'The description does not say when to use the tool, which is what tells it apart from similar ones.', 'Add a sentence "Use this when…" naming the situation, and the tool to use instead in the nearest other one.'));
  }
  if (!LIMITS.test(text)) {
    found.push(finding('info', tool.name, 'description-no-limits', 'The description names no limit or edge case (what it does not do, sizes, failures).', 'Add what the tool does not do or refuses ("Does not…", "At most…", "Fails when…").'));
  }
  return found;
}
