import { isLogoutText } from '@/utils/logout-detect';
import { sendMessage } from '@/utils/messages';

const CONTROLS =
  'a, button, input[type="submit"], input[type="button"], input[type="image"], [role="button"], [role="menuitem"], [role="link"], [onclick]';

/**
 * What a control shows or announces: its visible text, its accessible name (`aria-label`, `title`), an input's
 * value or alt text, the alt text or SVG title of an icon inside. An icon-only button has blank text and says
 * "Logga ut" only in its label.
 */
function texts(el: Element): (string | null | undefined)[] {
  const icon = el.querySelector('img[alt], svg title');
  return [
    el instanceof HTMLInputElement ? el.value || el.alt : el.textContent,
    el.getAttribute('aria-label'),
    el.getAttribute('title'),
    icon instanceof HTMLImageElement ? icon.alt : icon?.textContent,
  ];
}

/**
 * The control the person clicked, seen through open shadow roots (a design system's web components):
 * `composedPath()` starts at the innermost element, where `event.target` is only the outer host.
 */
function clickedControl(event: Event): Element | null {
  for (const node of event.composedPath()) {
    if (node instanceof Element && node.matches(CONTROLS)) return node;
  }
  return null;
}

/**
 * Reports a person's click on the site's own logout control; the background decides what to do. Only a
 * trusted click counts: one the browser made from the person's mouse or keyboard. A page's own script that
 * makes a "Logga ut" button and clicks it (`.click()`, `dispatchEvent`) reports nothing.
 */
export function watchLogoutClicks(): void {
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const control = clickedControl(event);
      if (control && texts(control).some(isLogoutText))
        void sendMessage('logoutClicked', {}).catch(() => undefined);
    },
    { capture: true },
  );
}
