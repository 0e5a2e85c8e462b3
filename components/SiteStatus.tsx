import type { SiteStatusView } from '@/utils/ui/site-status-text';

/**
 * What is true of the site in the current tab: protected (by which rule), or not, and why; "Protect this site"
 * when it can be offered. After protecting, the announcement and Undo live in `live`, a region the popup keeps
 * present from the start so that it is announced.
 */
export function SiteStatus({
  view,
  protectLabel,
  busy,
  onProtect,
}: {
  view: SiteStatusView;
  protectLabel: string;
  busy: boolean;
  onProtect: () => void;
}) {
  return (
    <section class="site" data-protected={String(view.protected)} aria-labelledby="site-title">
      <p id="site-title" class="site-title">
        <span class="site-mark" aria-hidden="true">
          {view.protected ? '✓' : '!'}
        </span>{' '}
        {view.title}
      </p>
      <p class="site-host">{view.host}</p>
      {view.detail && (
        <p id="site-detail" class="help">
          {view.detail}
        </p>
      )}
      {view.protectDomain && (
        <button
          type="button"
          id="protect-site"
          class="secondary"
          disabled={busy}
          aria-describedby={view.detail ? 'site-detail' : undefined}
          onClick={onProtect}
        >
          {protectLabel}
        </button>
      )}
    </section>
  );
}

/** The announcement after Protect this site / Undo, and the Undo button while it can be undone. */
export function SiteChange({
  text,
  undoLabel,
  onUndo,
}: {
  text: string;
  undoLabel: string;
  onUndo: (() => void) | null;
}) {
  return (
    <div class="site-change">
      <p id="site-change-text">{text}</p>
      {onUndo && (
        <button
          type="button"
          id="site-undo"
          class="link"
          aria-describedby="site-change-text"
          onClick={onUndo}
        >
          {undoLabel}
        </button>
      )}
    </div>
  );
}
