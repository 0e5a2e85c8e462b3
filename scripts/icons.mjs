#!/usr/bin/env node
// `npm run icons`: renders scripts/icon.svg into public/icon/<size>.png with headless Chromium
// (small sizes get thicker strokes so the door and arrow stay readable at 16 px).
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}scripts/icon.svg`, 'utf8');
const SIZES = [16, 32, 48, 96, 128];
mkdirSync(`${root}public/icon`, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    const stroke = size <= 16 ? 14 : size <= 32 ? 12 : 10;
    const sized = svg
      .replace('STROKE', String(stroke))
      .replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.locator('svg').screenshot({ path: `${root}public/icon/${size}.png`, omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
