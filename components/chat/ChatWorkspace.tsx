import { useLiveQuery } from 'dexie-react-hooks';
import { readConversationHead } from '@/lib/db/conversation-head';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ExportFormat } from '@/lib/contract/conversation-file';
import type { ChatConnector } from '@/lib/db/chat-connectors';
import type { ConversationListItem } from '@/lib/db/conversation-list';
import { sendCommand } from '@/lib/messaging/command-client';
import { usePanelServices } from '../app/panel-services';
import { loadable } from '../app/loadable';
import { whenIdle } from '../app/when-idle';
import { ChatBar } from './ChatBar';
import { SystemPromptBar } from './turns/SystemPromptBar';
import { CollisionNotice } from './CollisionNotice';
import { Composer } from './Composer';
import { ConnectorPicker } from './ConnectorPicker';
import { ConversationDrawer } from './ConversationDrawer';
import { downloadConversation, downloadTrace } from './conversation-files';
import { preloadMarkdown } from './MarkdownText';
import { RateLimitNotice } from './RateLimitNotice';
import { TopRequests } from '../requests/TopRequests';
import { ToolBudgetNote } from './ToolBudgetNote';
import { AttachPageButton } from './AttachPageButton';
import { UndoToast } from './UndoToast';
import { useConversationCommands } from './useConversationCommands';
import { useDeleteWithUndo } from './useDeleteWithUndo';
import { selectionMemory } from './selection-memory';
import { useRunStates } from './useRunStates';
import { useToolNameCollisions } from './useToolNameCollisions';
import { rereadAttachment } from './reread-attachment';
import { useChatShortcuts } from './useChatShortcuts';

// The virtualised list, and apart from it the Markdown renderer, are loaded after the panel is interactive.
// Not React.lazy: a Suspense boundary would hold the opened conversation back for 300 ms (loadable.tsx).
const messageView = loadable(() => import('./MessageView'));
// Only conversations whose connectors have what-if descriptions (Evals) show it: not on the first screen's budget.
const whatIfSwitch = loadable(() => import('../workbench/WhatIfSwitch'));
// First prompts from the connectors' own tools: only a new conversation shows them.
const firstPrompts = loadable(() => import('./turns/FirstPrompts'));

/** The chat: conversation drawer, messages, connector choice and the message box. */
export function ChatWorkspace({ connectors, onOpenTrace }: { connectors: ChatConnector[]; onOpenTrace(fileName: string, text: string): void }) {
  const { db } = usePanelServices();
  const runs = useRunStates();
  const drawerId = useId();
  const [selectedId, setSelectedId] = useState<string | null>(() => selectionMemory.conversationId);
  useEffect(() => void (selectionMemory.conversationId = selectedId), [selectedId]);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [draftIds, setDraftIds] = useState<string[] | null>(null);
  // A ticked box shows at once; the stored list replaces it when the live query brings it back.
  const [pendingIds, setPendingIds] = useState<string[] | null>(null);
  const commands = useConversationCommands(selectedId, setSelectedId);
  const undo = useDeleteWithUndo(setSelectedId);
  // Answers carry their id: a stale answer for the previous selection must not reset the new one.
  const loaded = useLiveQuery(async () => ({ id: selectedId, read: selectedId ? await readConversationHead(db, selectedId) : { head: null } }), [db, selectedId]);
  const current = loaded?.id === selectedId ? loaded.read : undefined;
  // A damaged row is never half-shown: the chat goes back to a new conversation and says why.
  const conversation = current === undefined ? undefined : 'head' in current ? current.head : null;
  const [damaged, setDamaged] = useState<string | null>(null);
  useEffect(() => {
    if (current && 'damaged' in current) setDamaged(current.damaged);
  }, [current]);
  const connectorMap = useMemo(() => new Map(connectors.map((c) => [c.id, c])), [connectors]);

  // Fetch the message view's chunk while the user reads the screen, not when they pick a conversation,
  // and not while the first screen and its lists are still being drawn.
  useEffect(
    () =>
      whenIdle(() => {
        void messageView.preload();
        preloadMarkdown();
      }),
    [],
  );
  // A conversation picked before that fetches both chunks side by side, not one after the other.
  useEffect(() => {
    if (selectedId) preloadMarkdown();
  }, [selectedId]);

  // A reopened panel shows the run in progress, if there is one.
  const picked = useRef(false);
  useEffect(() => {
    if (picked.current || runs.running.size === 0) return;
    picked.current = true;
    setSelectedId((current) => current ?? [...runs.running][0]!);
  }, [runs.running]);
  useEffect(() => {
    if (selectedId && conversation === null) setSelectedId(null);
  }, [selectedId, conversation]);

  const running = selectedId !== null && runs.running.has(selectedId);
  const retryAt = selectedId ? runs.retryAt.get(selectedId) : undefined;
  // While a picked conversation loads, show none ticked rather than a draft's choice that then flips.
  const loading = selectedId !== null && !conversation;
  const storedIds = conversation?.connectorIds.join(',');
  useEffect(() => setPendingIds(null), [storedIds, selectedId]);
  const selectedConnectors = conversation ? (pendingIds ?? conversation.connectorIds) : loading ? [] : (draftIds ?? connectors.map((c) => c.id));
  const collisions = useToolNameCollisions(selectedConnectors);
  const promptConnectors = useMemo(
    () => selectedConnectors.flatMap((id) => (connectorMap.has(id) ? [{ id, label: connectorMap.get(id)!.label }] : [])),
    [selectedConnectors, connectorMap],
  );

  const startNew = useCallback(() => {
    setSelectedId(null);
    setDraftIds(null);
    setDrawerOpen(false);
  }, []);

  useChatShortcuts({
    startNew,
    openSearch: () => {
      setDrawerOpen(true);
      // Already open: its search box takes focus here; a newly opened drawer focuses it itself.
      document.getElementById(drawerId)?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    },
    ...(running ? { stop: commands.stop } : {}),
  });

  const actionsFor = (row: ConversationListItem) => ({
    onSelect: () => {
      setSelectedId(row.id);
      setDrawerOpen(false);
    },
    onRename: async (title: string) => {
      const done = await commands.run(async () => sendCommand('chat.rename', { conversationId: row.id, title }));
      return done !== undefined;
    },
    onDelete: () => void commands.run(() => undo.remove(row.id, row.title)),
    onExport: (format: ExportFormat) => void commands.run(() => downloadConversation(row.id, format)),
    onExportTrace: () => void commands.run(() => downloadTrace(row.id)),
  });

  return (
    <div className="chat">
      <div className="chat-head">
        <ChatBar
          title={conversation?.title || 'New conversation'}
          drawerId={drawerId}
          drawerOpen={drawerOpen}
          onToggleDrawer={() => setDrawerOpen(!drawerOpen)}
          onNew={startNew}
        />
        <SystemPromptBar
          key={selectedId ?? 'new'}
          prompt={conversation?.systemPrompt}
          onSave={async (systemPrompt) => {
            const done = await commands.run(async () => {
              // A new conversation is created first, with the connectors ticked, so the prompt applies from its first message.
              const id = selectedId ?? (await sendCommand('chat.create', { connectorIds: selectedConnectors })).conversationId;
              await sendCommand('chat.setSystemPrompt', { conversationId: id, systemPrompt });
              if (id !== selectedId) setSelectedId(id);
              return true;
            });
            return done === true;
          }}
        />
      </div>
      <TopRequests conversationId={selectedId} />
      <div className="chat-body">
        {drawerOpen && (
          <ConversationDrawer
            id={drawerId}
            selectedId={selectedId}
            actionsFor={actionsFor}
            onImported={(id) => {
              setSelectedId(id);
              setDrawerOpen(false);
            }}
            onFailed={(text) => void commands.run(() => Promise.reject(new Error(text)))}
            onOpenTrace={(fileName, text) => {
              setDrawerOpen(false);
              onOpenTrace(fileName, text);
            }}
            onClose={() => setDrawerOpen(false)}
          />
        )}
        {selectedId ? (
          <messageView.Component
            fallback={<div className="message-list" aria-busy="true" />}
            key={selectedId}
            conversationId={selectedId}
            running={running}
            onDecide={commands.decide}
            onRetry={commands.retry}
            onContinue={commands.continue}
          />
        ) : (
          <div className="message-list chat-empty">
            <p className="chat-empty-lead">Ask with your tools</p>
            <p className="muted">Pick the connectors whose tools the model may use, then ask. Write actions wait for your approval.</p>
            <firstPrompts.Component fallback={null} connectors={selectedConnectors.flatMap((id) => connectorMap.get(id) ?? [])} />
          </div>
        )}
      </div>
      <div className="chat-foot">
        {retryAt !== undefined && <RateLimitNotice key={retryAt} retryAt={retryAt} />}
        {commands.failure && (
          <div className="notice chat-notice row spread" data-tone="error" role="alert">
            <span>{commands.failure}</span>
            <button className="btn btn-link btn-small" type="button" onClick={commands.clearFailure}>
              Dismiss
            </button>
          </div>
        )}
        {damaged && (
          <div className="notice chat-notice row spread" data-tone="error" role="alert">
            <span>{damaged}</span>
            <button className="btn btn-link btn-small" type="button" onClick={() => setDamaged(null)}>
              Dismiss
            </button>
          </div>
        )}
        {undo.pending && <UndoToast title={undo.pending.title} onUndo={() => void commands.run(undo.undo)} onDismiss={undo.dismiss} />}
        <CollisionNotice notices={collisions} />
        <ConnectorPicker
          connectors={connectors}
          selected={selectedConnectors}
          disabled={loading}
          onChange={(ids) => {
            if (!conversation) return setDraftIds(ids);
            setPendingIds(ids);
            void commands.setConnectors(ids).then((done) => done || setPendingIds(null));
          }}
        />
        <ToolBudgetNote connectors={connectors} selected={selectedConnectors} />
        {conversation && (
          <whatIfSwitch.Component fallback={null} conversationId={conversation.id} on={conversation.whatIf === true} connectorIds={selectedConnectors} />
        )}
        <Composer
          running={running}
          disabled={false}
          onSend={(text, attachments) => commands.send(text, selectedConnectors, attachments)}
          onStop={commands.stop}
          promptConnectors={promptConnectors}
          onReread={(item) => void commands.run(() => rereadAttachment(item))}
          onFailure={(message) => void commands.run(() => Promise.reject(new Error(message)))}
          tools={<AttachPageButton />}
        />
      </div>
    </div>
  );
}
