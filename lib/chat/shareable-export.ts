import { scrubDeep } from '../mcp/redaction/url-credentials';
import type { ConversationExport } from './conversation-export';

/**
 * A conversation as it leaves the browser in a file: every credential in a URL (a connector's
 * `?api_key=`, `/token/…`, userinfo, a base URL's key) redacted wherever it was written, in
 * error texts, results or the model's settings. It still imports; the stored rows are untouched
 * (an Undo backup uses the unredacted export).
 */
export function shareableExport(data: ConversationExport): ConversationExport {
  return scrubDeep(data);
}
