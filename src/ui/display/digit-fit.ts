/**
 * The shape of a clock text, its digits all alike: `7:59` and `8:00` are `0:00`, `+12:05` is
 * `+00:00`. Digits are tabular (one width), so texts of one shape are one width, and the clock is
 * sized again only when the shape changes (`9:59` → `10:00`, 0:00 → `+0:01`), never per frame.
 */
export const shapeOf = (text: string): string => text.replace(/\d/g, '0');

/**
 * The biggest font size (px) at which a text fits a box: measured once at `probePx`, where it
 * was `probe` wide and tall, it scales linearly with the font size (letter spacing is in em too).
 * `margin` keeps the last pixel of a rounded-up glyph inside the box.
 */
export function fitFontSize(box: { width: number; height: number }, probe: { width: number; height: number }, probePx: number, margin = 0.98): number {
  if (probe.width <= 0 || probe.height <= 0 || box.width <= 0 || box.height <= 0) return 0;
  return Math.floor(probePx * margin * Math.min(box.width / probe.width, box.height / probe.height));
}
