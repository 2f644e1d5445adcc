/**
 * P2's baseline: an empty React page, as WXT's React template makes one (React 19, createRoot,
 * StrictMode), with a Message box so the same probe can tell when it is interactive.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <textarea aria-label="Message" rows={2} />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
