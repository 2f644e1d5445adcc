import { attachResource } from '../context/attach-resource';
import type { DraftAttachment } from './composer-draft';

/** Reads a changed resource chip again; its new contents replace the old ones in the draft. */
export async function rereadAttachment({ context }: DraftAttachment): Promise<void> {
  if (context.source.kind !== 'resource') return;
  await attachResource(context.source.connectorId, context.source.uri, context.name);
}
