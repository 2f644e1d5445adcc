import { useRef } from 'react';
import type { ConnectorRow } from '@/lib/db/rows';
import { AppPrompts } from './AppPrompts';
import { useAppBridge, type AppSession } from './useAppBridge';

const PERMISSION_FEATURES = { camera: 'camera', microphone: 'microphone', geolocation: 'geolocation', clipboardWrite: 'clipboard-write' } as const;

/**
 * The sandbox proxy's frame (`public/sandbox.html`, opaque origin, scripts only) and what the app
 * asked for. Fullscreen is the same frame restyled as a panel-sized overlay, so the app keeps its
 * state; inline, its height follows `size-changed` up to a maximum.
 */
export function AppFrame({ session, toolName, connector }: { session: AppSession; toolName: string; connector: ConnectorRow | undefined }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { prompts, height, fullscreen, exitFullscreen, failure, phase } = useAppBridge(frame, session);
  const allow = session.granted.map((permission) => PERMISSION_FEATURES[permission]).join('; ');
  return (
    <>
      <div className="app-frame" data-app-phase={phase} data-fullscreen={fullscreen} data-border={session.resource.prefersBorder !== false}>
        {fullscreen && (
          <div className="row spread app-frame-bar">
            <strong className="small">{toolName} app</strong>
            <button type="button" className="btn btn-small" onClick={exitFullscreen}>
              Close fullscreen
            </button>
          </div>
        )}
        <iframe ref={frame} title={`${toolName} app`} sandbox="allow-scripts" allow={allow || undefined} style={fullscreen ? undefined : { height }} />
      </div>
      {failure && (
        <p className="notice small" data-tone="error" role="alert">
          {failure}
        </p>
      )}
      <AppPrompts prompts={prompts} appName={toolName} connector={connector} />
    </>
  );
}
