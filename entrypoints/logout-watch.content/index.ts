import { reportFetchedOrigins } from './fetched-origins';
import { mountGuard } from './guard';
import { watchLogoutClicks } from './logout-clicks';

/**
 * The one content script, and it runs only on protected hosts: registered at run time for exactly the
 * recognised domains (utils/background/content-scripts.ts), so nothing is injected into any other site.
 * It reports clicks on the site's own logout control and the other origins the page fetches from (for their
 * HTTP cache), and shows the in-page guard.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main() {
    watchLogoutClicks();
    reportFetchedOrigins();
    void mountGuard().catch(() => undefined); // the page works on even if the guard cannot show
  },
});
