import { browser } from 'wxt/browser';
import { PanelApp } from '@/components/app/PanelApp';
import { BackgroundLink } from '@/lib/messaging/background-link';
import { openWorkerChannel } from '@/lib/messaging/open-worker-channel';
import type { PortLike } from '@/lib/messaging/port-like';

const link = new BackgroundLink((name) => browser.runtime.connect({ name }) as unknown as PortLike, () => openWorkerChannel());

export function App() {
  return <PanelApp link={link} version={browser.runtime.getManifest().version} iconUrl={browser.runtime.getURL('/icon/32.png')} />;
}
