// Store images for `npm run screenshots` (store/README.md): the real pages, framed at the sizes the stores take.
// Every word on them comes from the pages themselves or from public/_locales (the name and short description).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
export const SCREEN = { width: 1280, height: 800 };
export const TILE = { width: 440, height: 280 };
const PRIMARY = '#b3261e'; // --primary in components/theme.css, the icon's shield

const icon = (size) =>
  readFileSync(`${root}scripts/icon.svg`, 'utf8')
    .replace('STROKE', '10')
    .replace('<svg ', `<svg width="${size}" height="${size}" aria-hidden="true" `);
const dataUrl = (png) => `data:image/png;base64,${png.toString('base64')}`;
const messages = (lang) => JSON.parse(readFileSync(`${root}public/_locales/${lang}/messages.json`, 'utf8'));
const htmlText = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Renders `html` at `size` in a page of its own and writes the PNG to `path`. */
async function render(context, html, size, path) {
  const page = await context.newPage();
  try {
    await page.setViewportSize(size);
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head>${html}</html>`);
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.close();
  }
}

/**
 * A page shot framed at 1280×800: centred on a quiet background, scaled down when it is larger (never up).
 * With `over`, the shot sits at the top right over that (1280×800) picture, as the toolbar popup opens over a page.
 */
export function screen(context, png, path, { over } = {}) {
  const backdrop = over
    ? `background:url(${dataUrl(over)}) center/cover;`
    : 'background:linear-gradient(160deg,#f6f5f8 0%,#e9e6ee 100%);';
  const place = over
    ? 'position:absolute;top:8px;right:24px;max-height:784px;'
    : 'position:absolute;inset:0;margin:auto;max-width:1200px;max-height:740px;';
  const html = `<body style="margin:0;width:${SCREEN.width}px;height:${SCREEN.height}px;overflow:hidden;position:relative;${backdrop}">
    ${over ? '<div style="position:absolute;inset:0;background:rgb(0 0 0 / 0.18)"></div>' : ''}
    <img src="${dataUrl(png)}" alt="" style="${place}object-fit:contain;border-radius:8px;
      box-shadow:0 2px 6px rgb(0 0 0 / 0.25),0 12px 40px rgb(0 0 0 / 0.22);background:#fff">
  </body>`;
  return render(context, html, SCREEN, path);
}

/** The small promo tile (440×280): the icon, the name and the short description in `lang`. */
export function promoTile(context, lang, path) {
  const m = messages(lang);
  const html = `<body style="margin:0;width:${TILE.width}px;height:${TILE.height}px;overflow:hidden;display:flex;
      flex-direction:column;justify-content:center;gap:14px;padding:0 32px;box-sizing:border-box;
      background:${PRIMARY};color:#fff;font-family:system-ui,'Segoe UI',Roboto,sans-serif">
    <div style="display:flex;align-items:center;gap:16px">
      <div style="background:#fff;border-radius:20px;padding:8px;line-height:0">${icon(72)}</div>
      <div style="font-size:30px;font-weight:700;line-height:1.15">${htmlText(m.extName.message)}</div>
    </div>
    <div style="font-size:17px;line-height:1.35">${htmlText(m.extDescription.message)}</div>
  </body>`;
  return render(context, html, TILE, path);
}
