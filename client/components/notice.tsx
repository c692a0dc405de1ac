import type { ReactNode } from 'react';

interface NoticeProps {
  kind: 'success' | 'info' | 'error' | 'warning';
  children: ReactNode;
  /** Errors interrupt (alert); confirmations wait their turn (status). */
  live?: boolean;
}

/** A coloured message box; the colour is never the only cue, the text says it all. */
export function Notice({ kind, children, live = true }: NoticeProps) {
  const role = live ? (kind === 'error' || kind === 'warning' ? 'alert' : 'status') : undefined;
  return (
    <div className={`notice notice--${kind}`} role={role}>
      {children}
    </div>
  );
}

/** An always-present polite live region, so messages that appear later are announced. */
export function LiveStatus({ message, className }: { message: string | null | undefined; className?: string }) {
  return (
    <div role="status" className={className}>
      {message ? <p className="notice notice--success">{message}</p> : null}
    </div>
  );
}
