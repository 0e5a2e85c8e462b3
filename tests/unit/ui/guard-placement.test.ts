import { describe, expect, it } from 'vitest';
import { type Box, cornerBox, EDGE, freeCorner, overlaps } from '@/utils/ui/guard-placement';

const viewport = { width: 1000, height: 800 };
const size = { width: 300, height: 60 };
const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('guard placement', () => {
  it('prefers the bottom-right corner when it is free', () => {
    expect(freeCorner(viewport, size, [box(100, 100, 80, 30)])).toBe('bottom-right');
    expect(cornerBox('bottom-right', viewport, size)).toEqual(
      box(1000 - EDGE - 300, 800 - EDGE - 60, 300, 60),
    );
  });

  it('moves to another corner when a control is under the preferred one', () => {
    const cookieBannerButton = box(900, 750, 80, 30);
    expect(freeCorner(viewport, size, [cookieBannerButton])).toBe('bottom-left');
    expect(freeCorner(viewport, size, [cookieBannerButton, box(10, 760, 40, 30)])).toBe('top-right');
  });

  it('keeps a small gap around controls', () => {
    const guard = cornerBox('bottom-right', viewport, size);
    expect(overlaps(guard, box(guard.left - 6, guard.top, 5, 5))).toBe(true);
    expect(overlaps(guard, box(guard.left - 20, guard.top, 5, 5))).toBe(false);
  });

  it('gives up (null) when no corner is free or the viewport is too small: the guard then goes in-flow', () => {
    const everywhere = [box(0, 0, 1000, 100), box(0, 700, 1000, 100)];
    expect(freeCorner(viewport, size, everywhere)).toBeNull();
    expect(freeCorner({ width: 200, height: 800 }, size, [])).toBeNull();
  });
});
