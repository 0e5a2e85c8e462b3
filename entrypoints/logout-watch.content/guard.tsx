import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Guard } from '@/components/Guard';
import { setLanguage, t } from '@/utils/i18n';
import { type Protocol, sendMessage } from '@/utils/messages';
import { managedCache, userSettings } from '@/utils/storage';
import { type Box, CONTROL_SELECTOR, type Corner, freeCorner } from '@/utils/ui/guard-placement';
import css from './guard.css?inline';

type Info = Protocol['guardInfo']['res'];

type Place = Corner | 'inline' | 'measure';

/** The host's place: the shadow root's `:host([data-place=…])` rules position it (guard.css). */
const placeHost = (host: HTMLElement, place: Place) => host.setAttribute('data-place', place);

function pageControls(host: HTMLElement): Box[] {
  const out: Box[] = [];
  for (const el of document.querySelectorAll(CONTROL_SELECTOR)) {
    if (el === host || host.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0) out.push(r);
  }
  return out;
}

function GuardApp({ info, host, onLayout }: { info: Info; host: HTMLElement; onLayout: () => void }) {
  const [minimised, setMinimised] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useEffect(onLayout, [minimised, note, info]);
  host.dataset.minimised = String(minimised);
  return (
    <Guard
      text={{
        name: t('extName'),
        logOut: t('logOutAndClear'),
        working: t('working'),
        shared: t('guardShared'),
        minimise: t('guardMinimise'),
        restore: t('guardRestore'),
      }}
      shared={info.sharedComputer}
      minimised={minimised}
      busy={busy}
      note={note}
      onLogOut={(e) => {
        if (!e.isTrusted) return; // only a person's own click (or key press) asks for a logout
        setBusy(true);
        setNote(null);
        void sendMessage('guardLogOut', {})
          .then((r) => (r.accepted ? undefined : Promise.reject(new Error('refused'))))
          .catch(() => {
            setBusy(false);
            setNote(t('guardRefused'));
          });
      }}
      onMinimise={() => setMinimised(true)}
      onRestore={() => setMinimised(false)}
    />
  );
}

/** Shows the guard on this (protected) page and keeps it off the page's own controls. */
export async function mountGuard(): Promise<void> {
  if (window.top !== window) return;
  let info = await sendMessage('guardInfo', {});
  setLanguage(info.language);

  const host = document.createElement('safe-logout-guard');
  placeHost(host, 'measure');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  const mountPoint = document.createElement('div');
  root.append(style, mountPoint);
  document.body.append(host);

  let frame = 0;
  const layout = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      placeHost(host, 'measure');
      const r = host.getBoundingClientRect();
      const viewport = { width: document.documentElement.clientWidth, height: window.innerHeight };
      const corner = freeCorner(viewport, { width: r.width, height: r.height }, pageControls(host));
      if (corner) {
        if (host !== document.body.lastElementChild) document.body.append(host);
        placeHost(host, corner);
      } else {
        // No corner is free of the page's controls: sit in the page's flow at the top instead of covering any.
        if (host !== document.body.firstElementChild) document.body.prepend(host);
        placeHost(host, 'inline');
      }
    });
  };
  const draw = () => render(<GuardApp info={info} host={host} onLayout={layout} />, mountPoint);
  draw();

  addEventListener('resize', layout, { passive: true });
  addEventListener('scroll', layout, { passive: true, capture: true });
  let settle: ReturnType<typeof setTimeout> | undefined;
  const ours = (r: MutationRecord) => [...r.addedNodes, ...r.removedNodes].every((n) => n === host);
  new MutationObserver((records) => {
    if (records.every(ours)) return; // the guard moving itself
    clearTimeout(settle);
    settle = setTimeout(layout, 150);
  }).observe(document.body, { childList: true, subtree: true });
  // Shared-computer mode or the language changed (the options page, or IT policy as the background last read
  // it): follow without a reload. Only those two items: no other write to the storage areas reaches the page.
  const refresh = () =>
    void sendMessage('guardInfo', {})
      .then((next) => {
        info = next;
        setLanguage(next.language);
        draw();
      })
      .catch(() => undefined);
  followSettings(refresh);
}

/**
 * Calls `onChange` when the settings the guard shows can have changed: the user's settings, or the IT policy
 * the background read (`managedCache`, written after each read of the managed area). Returns the unwatch.
 */
export function followSettings(onChange: () => void): () => void {
  const unwatch = [userSettings.watch(onChange), managedCache.watch(onChange)];
  return () => {
    for (const u of unwatch) u();
  };
}
