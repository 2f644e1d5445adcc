import { fullMessageTime, shortMessageTime } from './message-time';
import { formatUsage, type TurnUsage } from './turn-usage';

/** Under a message: when it was written (the full date on hover) and, where a turn ends, its tokens. */
export function MessageMeta({ createdAt, usage }: { createdAt: number; usage: TurnUsage | undefined }) {
  return (
    <p className="message-meta">
      <time dateTime={new Date(createdAt).toISOString()} title={fullMessageTime(createdAt)}>
        {shortMessageTime(createdAt)}
      </time>
      {usage && (
        <>
          <span aria-hidden="true">·</span>
          <span className="usage" title="Tokens the model read (in) and wrote (out) in this turn">
            Tokens: {formatUsage(usage)}
          </span>
        </>
      )}
    </p>
  );
}
