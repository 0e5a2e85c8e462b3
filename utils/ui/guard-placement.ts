/**
 * Where the in-page guard may sit without covering any of the page's own controls: the first viewport
 * corner whose rectangle touches no control. Pure geometry; the content script measures and applies it.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

/** Distance from the viewport edges, and the free space kept around a control. */
export const EDGE = 12;
export const GAP = 4;

export function cornerBox(
  corner: Corner,
  viewport: { width: number; height: number },
  size: { width: number; height: number },
): Box {
  const left = corner.endsWith('left') ? EDGE : viewport.width - EDGE - size.width;
  const top = corner.startsWith('top') ? EDGE : viewport.height - EDGE - size.height;
  return { left, top, right: left + size.width, bottom: top + size.height };
}

export const overlaps = (a: Box, b: Box, gap = GAP) =>
  a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;

/** The first corner (in `order`) free of every control, or null when the guard fits nowhere at this size. */
export function freeCorner(
  viewport: { width: number; height: number },
  size: { width: number; height: number },
  controls: readonly Box[],
  order: readonly Corner[] = CORNERS,
): Corner | null {
  if (size.width + 2 * EDGE > viewport.width || size.height + 2 * EDGE > viewport.height) return null;
  for (const corner of order) {
    const box = cornerBox(corner, viewport, size);
    if (!controls.some((c) => overlaps(box, c))) return corner;
  }
  return null;
}

/** The page's own controls: anything a person can click, type into or focus, and frames (which may hold some). */
export const CONTROL_SELECTOR = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  'label',
  'iframe',
  'embed',
  'object',
  'video[controls]',
  'audio[controls]',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]:not([tabindex="-1"])',
  '[role="button"]',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="tab"]',
  '[role="combobox"]',
  '[role="textbox"]',
  '[role="slider"]',
  '[onclick]',
].join(',');
