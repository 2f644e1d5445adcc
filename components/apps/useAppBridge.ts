import { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { AppHost, AppPermission, AppResource } from '@/lib/contract/app-resource';
import { sendCommand } from '@/lib/messaging/command-client';
import { panelSessionId } from '../app/panel-session';
import { errorText } from '../ui/error-text';
import { onThemeChange } from '../ui/theme';
import { boundedHeight, INITIAL_APP_HEIGHT, messageText, openableUrl, type AppPrompt } from './app-requests';
import { hostContext } from './host-context';
import { discardFrame, restoreFrame, retireFrame, type RetiredFrame } from './retired-frames';

const HOST_INFO = { name: 'Patchbay', version: '0.1.0' };
/** How long a leaving app has to answer `ui/resource-teardown` before its frame goes anyway. */
export const TEARDOWN_TIMEOUT_MS = 1000;

/** How far the app got: shown on its frame (`data-app-phase`), so a person and a test can tell. */
export type AppPhase = 'loading' | 'initialized' | 'result-delivered';

export interface AppSession {
  resource: AppResource;
  host: AppHost;
  args: Record<string, unknown> | undefined;
  result: CallToolResult | undefined;
  granted: readonly AppPermission[];
}

/**
 * Drives one app through `AppBridge`: the sandbox proxy gets the page once it says it is ready, the
 * app gets the tool's input and result and the panel's theme and width, and every request it makes
 * goes to the background (calls) or to the person (links, messages) — never straight through.
 * Messages are matched by the proxy's window (`event.source`), never by origin.
 */
export function useAppBridge(frame: RefObject<HTMLIFrameElement | null>, session: AppSession) {
  const [prompts, setPrompts] = useState<AppPrompt[]>([]);
  const [height, setHeight] = useState(INITIAL_APP_HEIGHT);
  const [fullscreen, setFullscreen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [phase, setPhase] = useState<AppPhase>('loading');
  const bridgeRef = useRef<AppBridge | null>(null);
  // The result may arrive after the app started (a call that waited for approval): sent once known.
  const latest = useRef(session.result);
  const ready = useRef(false);
  // Set when the card leaves (see the layout effect below): the frame then waits in the holder.
  const retired = useRef<RetiredFrame | null>(null);
  const { resource, host, args, result, granted } = session;

  // Leaving for good is unmounting: the conversation closed or another one opened, the message
  // deleted, the chat gone, or the virtualised list dropping a card scrolled far away (scrolling
  // back mounts a new app from the stored result, as a reload does). A re-render is not. The layout
  // cleanup runs while the card is still in the document, the last moment the frame can be moved
  // out alive; a tree only hidden (Suspense) shows its frame again on the next layout mount.
  useLayoutEffect(() => {
    const iframe = frame.current;
    if (retired.current) restoreFrame(retired.current);
    retired.current = null;
    return () => {
      if (iframe) retired.current = retireFrame(iframe);
    };
  }, [frame]);

  useEffect(() => {
    const iframe = frame.current;
    const target = iframe?.contentWindow;
    if (!iframe || !target) return;
    const width = () => iframe.parentElement?.clientWidth ?? iframe.clientWidth;
    const bridge = new AppBridge(
      null,
      HOST_INFO,
      { openLinks: {}, serverTools: {}, message: { text: {} }, updateModelContext: { text: {} }, logging: {}, sandbox: { csp: resource.csp, permissions: Object.fromEntries(granted.map((p) => [p, {}])) } },
      { hostContext: hostContext(width(), false) },
    );
    bridgeRef.current = bridge;
    // A request for the person leaves fullscreen: the app can never cover its own approval card.
    const ask = (prompt: AppPrompt) => (setFullscreen(false), setPrompts((list) => [...list, prompt]));
    const settle = (prompt: AppPrompt) => setPrompts((list) => list.filter((p) => p !== prompt));
    bridge.onsandboxready = () => void bridge.sendSandboxResourceReady({ html: resource.html, csp: resource.csp, permissions: Object.fromEntries(granted.map((p) => [p, {}])) });
    bridge.oninitialized = () => {
      setPhase('initialized');
      void bridge.sendToolInput({ arguments: args ?? {} });
      const now = latest.current;
      if (now) void bridge.sendToolResult(now).then(() => setPhase('result-delivered'));
      ready.current = true;
    };
    bridge.onsizechange = ({ height: asked }) => {
      const bounded = boundedHeight(asked);
      if (bounded !== null) setHeight(bounded);
    };
    bridge.onrequestdisplaymode = async ({ mode }) => {
      const next = mode === 'fullscreen';
      setFullscreen(next);
      return { mode: next ? 'fullscreen' : 'inline' };
    };
    bridge.oncalltool = async (params) => {
      const answer = await sendCommand('apps.callTool', { host, toolName: params.name, args: params.arguments ?? {}, panelSessionId });
      if (answer.type === 'result') return answer.result;
      return new Promise<CallToolResult>((resolve, reject) => {
        const prompt: AppPrompt = {
          type: 'call',
          call: answer,
          answer: async (decision, remembered, editedArgs) => {
            try {
              const decided = await sendCommand('apps.decide', { appCallId: answer.appCallId, decision, remembered, editedArgs, panelSessionId });
              settle(prompt);
              resolve(decided.result);
              return null;
            } catch (error) {
              // The card goes (there is nothing left to decide); the reason stays in words.
              settle(prompt);
              setFailure(errorText(error));
              reject(new Error(errorText(error)));
              return errorText(error);
            }
          },
        };
        ask(prompt);
      });
    };
    bridge.onopenlink = async ({ url }) => {
      const openable = openableUrl(url);
      if (!openable) return { isError: true };
      return new Promise((resolve) => {
        const prompt: AppPrompt = {
          type: 'link',
          url: openable,
          answer: (open) => {
            settle(prompt);
            if (open) window.open(openable, '_blank', 'noopener,noreferrer');
            resolve(open ? {} : { isError: true });
          },
        };
        ask(prompt);
      });
    };
    /** A message or context for the chat: waits for the person's click, then goes to the background. */
    const offer = (kind: 'message' | 'context', text: string) =>
      new Promise<{ isError?: boolean }>((resolve) => {
        if (host.type !== 'chat-call' || !text) return resolve({ isError: true });
        const prompt: AppPrompt = {
          type: 'message',
          kind,
          text,
          answer: async (send) => {
            settle(prompt);
            if (!send) return resolve({ isError: true });
            await sendCommand('apps.message', { host, kind, text, panelSessionId }).then(
              () => resolve({}),
              (error: unknown) => (setFailure(errorText(error)), resolve({ isError: true })),
            );
          },
        };
        ask(prompt);
      });
    bridge.onmessage = async ({ content }) => offer('message', messageText(content));
    bridge.onupdatemodelcontext = async ({ content, structuredContent }) => {
      const text = [messageText(content), structuredContent ? JSON.stringify(structuredContent) : ''].filter(Boolean).join('\n');
      const { isError } = await offer('context', text);
      if (isError) throw new Error('The user did not add this context.');
      return {};
    };
    bridge.onloggingmessage = () => undefined;
    const transport = new PostMessageTransport(target, target);
    void bridge.connect(transport).then(
      () => iframe.setAttribute('src', '/sandbox.html'),
      (error: unknown) => setFailure(`The app could not start: ${errorText(error)}`),
    );
    return () => {
      bridgeRef.current = null;
      ready.current = false;
      // The app is told it goes, and its frame (retired to the holder when the card left) stays
      // until it answers or the time is up. Without a retired frame the teardown is best effort.
      const leaving = retired.current?.frame;
      void bridge
        .teardownResource({}, { timeout: TEARDOWN_TIMEOUT_MS })
        .catch(() => undefined)
        .finally(() => {
          void bridge.close();
          if (leaving) discardFrame(leaving);
        });
    };
    // One bridge per app page and permission set; input and result are sent once the app is ready
    // (a later result by the effect below), so they are not dependencies here.
  }, [resource, granted]);

  useEffect(() => {
    const sent = latest.current;
    latest.current = result;
    const bridge = bridgeRef.current;
    if (bridge && ready.current && result && result !== sent) void bridge.sendToolResult(result).then(() => setPhase('result-delivered'));
  }, [result]);

  useEffect(() => {
    const bridge = bridgeRef.current;
    const iframe = frame.current;
    if (!bridge || !iframe) return;
    const update = () => bridge.setHostContext(hostContext(iframe.parentElement?.clientWidth ?? iframe.clientWidth, fullscreen));
    update();
    const observer = new ResizeObserver(update);
    if (iframe.parentElement) observer.observe(iframe.parentElement);
    const stopFollowingTheme = onThemeChange(update);
    return () => {
      observer.disconnect();
      stopFollowingTheme();
    };
  }, [frame, fullscreen, resource, granted]);

  return { prompts, height, fullscreen, exitFullscreen: () => setFullscreen(false), failure, phase };
}
