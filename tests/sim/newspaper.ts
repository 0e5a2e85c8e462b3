import { randomUUID } from 'node:crypto';
import type { SimContext } from './context';
import { html, layout, notFound, type SimRequest, type SimResponse, setCookie } from './http';
import { SERVICES } from './services';
import { statePage } from './state-page';

/** The unrelated site: its cookie and localStorage must survive every logout. */
export const NEWSPAPER = {
  cookie: 'lt_besokare',
  storageKey: 'lt.lastaArtiklar',
  paths: { start: '/', state: '/state' },
} as const;

export function createNewspaper(ctx: SimContext) {
  function front(req: SimRequest): SimResponse {
    const visitor = req.cookies[NEWSPAPER.cookie] ?? `besok-${randomUUID()}`;
    const articles = [
      'Ny förskola öppnar i Jakobsberg',
      'Pendeltåget går igen efter signalfel',
      'Barsbyborna vill ha fler cykelbanor',
    ];
    return html(
      layout({
        title: 'Lokaltidningen – nyheter från Järfälla',
        attrs: { page: 'newspaper', cookiePresent: String(NEWSPAPER.cookie in req.cookies) },
        body: `<header><strong>Lokaltidningen</strong><span>Nyheter från Järfälla</span></header>
<main>
<h1>Senaste nytt</h1>
<ul>${articles.map((a) => `<li>${a}</li>`).join('')}</ul>
<p>Läs mer på <a href="${ctx.origin(ctx.hosts.kommun)}${SERVICES.kommun.paths.overview}">Järfälla kommuns Mina sidor</a>.</p>
</main>
<script>
localStorage.setItem(${JSON.stringify(NEWSPAPER.storageKey)}, JSON.stringify(${JSON.stringify(articles)}));
document.body.dataset.storageReady = '1';
</script>`,
      }),
      { 'set-cookie': [setCookie(NEWSPAPER.cookie, visitor, { maxAge: 365 * 24 * 3600 })] },
    );
  }

  return function handleNewspaper(req: SimRequest): SimResponse {
    if (req.url.pathname === NEWSPAPER.paths.start) return front(req);
    if (req.url.pathname === NEWSPAPER.paths.state) {
      const present = NEWSPAPER.cookie in req.cookies;
      return statePage(
        'Lokaltidningen',
        { cookiePresent: String(present) },
        present ? 'Besökskakan finns kvar.' : 'Ingen besökskaka.',
      );
    }
    return notFound();
  };
}

/** A neutral "new tab" page on its own host: harness warm-ups land here and touch no real site. */
export function handleNeutral(req: SimRequest): SimResponse {
  if (req.url.pathname !== '/') return notFound();
  return html(layout({ title: 'Ny flik', attrs: { page: 'neutral' }, body: '<main><p>Ny flik</p></main>' }));
}
