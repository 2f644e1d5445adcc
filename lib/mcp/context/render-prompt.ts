import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import type { AttachedContext } from '../../contract/attached-context';
import { attachmentOf } from './resource-attachments';

type PromptContent = GetPromptResult['messages'][number]['content'];

/** What Insert puts in the composer: text for the Message box, the rest as chips. */
export interface RenderedPrompt {
  text: string;
  attachments: AttachedContext[];
}

/**
 * A `prompts/get` answer for the composer: text messages become the draft's text (an assistant
 * message is marked, so it is not mistaken for the user's own words), embedded resources, images
 * and audio become attached context marked as coming from this prompt, and a resource link is
 * written as its URI (the user can read or attach it from the Resources tab).
 */
export function renderPrompt(connectorId: string, promptName: string, result: GetPromptResult, now = Date.now()): RenderedPrompt {
  const source = { kind: 'prompt' as const, connectorId, promptName };
  const texts: string[] = [];
  const attachments: AttachedContext[] = [];
  result.messages.forEach((message, index) => {
    const add = (text: string) => texts.push(message.role === 'assistant' ? `(Assistant, from the prompt) ${text}` : text);
    const content: PromptContent = message.content;
    switch (content.type) {
      case 'text':
        add(content.text);
        break;
      case 'resource':
        attachments.push(attachmentOf(source, content.resource.uri, content.resource, now, index));
        break;
      case 'image':
      case 'audio':
        attachments.push(attachmentOf(source, `${promptName} ${content.type} ${index + 1}`, { uri: `prompt:${promptName}/${index}`, mimeType: content.mimeType, blob: content.data }, now, index));
        break;
      case 'resource_link':
        add(`Resource: ${content.name} <${content.uri}>`);
        break;
    }
  });
  return { text: texts.join('\n\n'), attachments };
}
