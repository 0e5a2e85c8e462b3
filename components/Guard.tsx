import { useLayoutEffect, useRef } from 'preact/hooks';
import { ShieldIcon } from './ShieldIcon';

export interface GuardText {
  name: string;
  logOut: string;
  working: string;
  shared: string;
  minimise: string;
  restore: string;
}

export interface GuardProps {
  text: GuardText;
  /** Shared-computer mode: the reminder banner. */
  shared: boolean;
  minimised: boolean;
  busy: boolean;
  /** A message after the background declined (plain words), else null. */
  note: string | null;
  /** Gets the event: the caller acts only on a trusted (real) click. */
  onLogOut: (e: MouseEvent) => void;
  onMinimise: () => void;
  onRestore: () => void;
}

/**
 * The in-page guard: a small "Log out and clear" control, the shared-computer reminder, and a minimise
 * button. Rendered inside a closed shadow root by the content script; knows nothing of the page.
 */
export function Guard(p: GuardProps) {
  const restoreRef = useRef<HTMLButtonElement>(null);
  const minimiseRef = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useLayoutEffect(() => {
    // Keep keyboard focus on the guard when it changes shape (never on first show: the page keeps focus).
    if (!toggled.current) return;
    (p.minimised ? restoreRef : minimiseRef).current?.focus();
  }, [p.minimised]);
  const toggle = (fn: () => void) => () => {
    toggled.current = true;
    fn();
  };

  if (p.minimised) {
    return (
      <button
        ref={restoreRef}
        type="button"
        class="restore"
        aria-label={p.text.restore}
        title={p.text.restore}
        onClick={toggle(p.onRestore)}
      >
        <ShieldIcon size={22} />
      </button>
    );
  }
  return (
    <section class="guard" aria-label={p.text.name}>
      {p.shared && (
        <p class="shared" data-part="shared-banner">
          {p.text.shared}
        </p>
      )}
      <div class="row">
        <button type="button" class="log-out" disabled={p.busy} aria-busy={p.busy} onClick={p.onLogOut}>
          <ShieldIcon />
          <span>{p.busy ? p.text.working : p.text.logOut}</span>
        </button>
        <button
          ref={minimiseRef}
          type="button"
          class="minimise"
          aria-label={p.text.minimise}
          title={p.text.minimise}
          onClick={toggle(p.onMinimise)}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M3 8h10" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      {p.note && (
        <p class="note" role="alert">
          {p.note}
        </p>
      )}
    </section>
  );
}
