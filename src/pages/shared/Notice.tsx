/** A plain sentence standing in for content: loading, nothing found, or what went wrong. */
import type { ComponentChildren } from 'preact';

/** Props of `Notice`. */
export interface NoticeProps {
  /** `error` is announced at once (role="alert"); `info` politely (role="status"). */
  kind?: 'info' | 'error';
  children: ComponentChildren;
}

/**
 * Every empty or failed state goes through here, so no page is ever left blank and screen readers hear
 * the same message sighted users read.
 */
export function Notice({ kind = 'info', children }: NoticeProps) {
  return (
    <p class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
