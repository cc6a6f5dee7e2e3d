/**
 * Canvas plumbing shared by the canvas primitives: hi-DPI set-up and clipping to the frame. Canvas primitives draw
 * in CSS px; {@link prepareCanvas} installs the device-pixel-ratio transform once so they never think about it.
 */
import type { Frame, PlotSize } from './frame.ts';

/** The 2-D context type the primitives accept (the DOM's, or a test double with the same shape). */
export type Ctx2D = CanvasRenderingContext2D;

/**
 * Sizes a canvas for the device: backing store `width × dpr` by `height × dpr` device pixels, CSS size `width ×
 * height`, transform `scale(dpr)` so drawing happens in CSS px, and clears it.
 *
 * @param canvas - the canvas element
 * @param size - CSS size in px
 * @param dpr - device pixel ratio (default `window.devicePixelRatio`, or 1); clamped to [1, 4]
 * @returns the 2-D context, or null where the environment has none
 */
export function prepareCanvas(canvas: HTMLCanvasElement, size: PlotSize, dpr = globalThis.devicePixelRatio || 1): Ctx2D | null {
  const ratio = Math.min(4, Math.max(1, dpr));
  const w = Math.max(0, Math.round(size.width * ratio));
  const h = Math.max(0, Math.round(size.height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${size.width}px`;
  canvas.style.height = `${size.height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  return ctx;
}

/**
 * Runs `draw` with the context clipped to the frame's inner box (state saved and restored around it).
 *
 * @param ctx - the context
 * @param frame - the plot frame, or undefined for no clip
 * @param draw - the drawing code
 */
export function withClip(ctx: Ctx2D, frame: Frame | undefined, draw: () => void): void {
  ctx.save();
  if (frame) {
    ctx.beginPath();
    ctx.rect(frame.left, frame.top, frame.innerWidth, frame.innerHeight);
    ctx.clip();
  }
  try {
    draw();
  } finally {
    ctx.restore();
  }
}

/**
 * Opacity for one of `count` overlapping marks, so that a bundle of 10 and a bundle of 10,000 both read as a
 * density: `k / sqrt(count)`, clamped to [0.03, 0.9].
 *
 * @param count - number of marks drawn on top of each other
 * @param k - strength: 3 suits long paths (they overlap a lot), about 10 suits small points
 */
export function alphaForCount(count: number, k = 3): number {
  if (!(count > 0)) return 0.9;
  return Math.min(0.9, Math.max(0.03, k / Math.sqrt(count)));
}
