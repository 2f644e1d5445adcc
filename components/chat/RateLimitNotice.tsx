import { useEffect, useState } from 'react';

/** How long "retrying now…" stays after the wait ends, while the new request starts. */
const RETRY_NOTICE_GRACE_MS = 1_500;

/** "Rate limited — retrying in N s", counting down to the moment the run asks the model again. */
export function RateLimitNotice({ retryAt }: { retryAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((retryAt - now) / 1000));
  // The run asks again at `retryAt`; another 429 sends a new time and shows the notice again.
  if (now > retryAt + RETRY_NOTICE_GRACE_MS) return null;
  return (
    <div className="notice chat-notice" data-tone="warn" role="status">
      {seconds > 0 ? `Rate limited — retrying in ${seconds} s` : 'Rate limited — retrying now…'}
    </div>
  );
}
