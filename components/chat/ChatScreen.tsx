import { lazy, Suspense, useEffect, useState } from 'react';
import { releaseReplyChecks } from '@/lib/messaging/reply-check-gate';
import { afterNextPaint } from '../app/after-paint';
import type { PanelTab } from '../app/tabs';
import { ChatSetup } from './ChatSetup';
import { ChatWorkspace } from './ChatWorkspace';
import { knowsModelWithoutAsking, useChatPrerequisites } from './useChatPrerequisites';

// A trace someone sent is viewed read-only, from its own chunk, only when one is opened.
const TraceViewer = lazy(() => import('../trace/TraceViewer'));

/**
 * The chat once a model and a connector exist; until then, the checklist that says what is
 * missing. A trace opened from a file takes the chat's place until it is closed (it needs neither
 * a model nor a connector: it runs nothing).
 */
export function ChatScreen({ onNavigate }: { onNavigate(tab: PanelTab): void }) {
  const ready = useChatPrerequisites();
  const [trace, setTrace] = useState<{ fileName: string; text: string } | null>(null);
  const openTrace = (fileName: string, text: string) => setTrace({ fileName, text });
  // The first screen is drawn once its prerequisites are known: the command replies it asked for are
  // checked from then on (at once when the screen itself waits for one: the model's name at a first open).
  const shown = ready !== undefined || !knowsModelWithoutAsking();
  useEffect(() => (shown ? afterNextPaint(releaseReplyChecks) : undefined), [shown]);
  if (trace) {
    return (
      <div className="chat">
        <Suspense fallback={<div className="message-list" aria-busy="true" />}>
          <TraceViewer opened={trace} onClose={() => setTrace(null)} />
        </Suspense>
      </div>
    );
  }
  if (ready === undefined) return <div aria-busy="true" />;
  const { model, connectors } = ready;
  if (!model || connectors.length === 0) return <ChatSetup model={model} connectorCount={connectors.length} onNavigate={onNavigate} onOpenTrace={openTrace} />;
  return <ChatWorkspace connectors={connectors} onOpenTrace={openTrace} />;
}
