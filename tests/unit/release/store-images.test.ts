/**
 * The store images `npm run screenshots` makes (store/images/) have the sizes the stores take: screenshots
 * 1280×800 (Chrome, Edge; addons.mozilla.org takes any), the small promo tile 440×280 (Chrome, Edge).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORE_DIR } from '../../harness/store-listing';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1'), path).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('store images', () => {
  const dir = `${STORE_DIR}images/`;
  const SCREENS = ['popup', 'receipt', 'options', 'guard'];

  it.each(['sv', 'en'])('the %s screenshots are 1280×800', (lang) => {
    for (const screen of SCREENS)
      expect(pngSize(`${dir}${screen}-${lang}.png`), `${screen}-${lang}`).toEqual({
        width: 1280,
        height: 800,
      });
  });

  it('the small promo tiles are 440×280', () => {
    const tiles = readdirSync(dir).filter((n) => n.startsWith('promo-tile'));
    expect(tiles.length).toBeGreaterThan(0);
    for (const tile of tiles) expect(pngSize(`${dir}${tile}`), tile).toEqual({ width: 440, height: 280 });
  });
});
