import { isLogoutText } from '@/utils/logout-detect';
import { sendMessage } from '@/utils/messages';

const CONTROLS =
  'a, button, input[type="submit"], input[type="button"], [role="button"], [role="menuitem"], [role="link"]';

const label = (el: Element) =>
  (el instanceof HTMLInputElement ? el.value : el.textContent) ||
  el.getAttribute('aria-label') ||
  el.getAttribute('title') ||
  '';

/** Reports a click on the site's own logout control; the background decides what to do. */
export function watchLogoutClicks(): void {
  document.addEventListener(
    'click',
    (event) => {
      const control = event.target instanceof Element ? event.target.closest(CONTROLS) : null;
      if (control && isLogoutText(label(control)))
        void sendMessage('logoutClicked', {}).catch(() => undefined);
    },
    { capture: true },
  );
}
