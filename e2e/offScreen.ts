/**
 * What of a figure does not fit the screen, for the stage tests (e2e/stage.e2e.ts) and the lecture's figure slides
 * (e2e/lecture.e2e.ts). A function's source, evaluated in the page: `page.evaluate(`(${offScreen})(rootElement)`)`.
 */
// Runs in the page: what of the figure `root` is off the window or too small. `root` is the figure element.
export const offScreen = `(root) => {
  const out = [];
  const vw = window.innerWidth, vh = window.innerHeight;
  const visible = (el) => {
    if (el.closest('details:not([open]) > :not(summary)') || el.closest('.code-panel')) return false;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const outside = (r) => r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1;
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.tagName).trim().slice(0, 40);
  const caption = root.querySelector('figcaption');
  if (caption && visible(caption) && outside(caption.getBoundingClientRect())) out.push('caption off screen');
  for (const el of root.querySelectorAll('.figure-body input, .figure-body button, .figure-body select, .figure-body [role=radio], .figure-body [role=tab]')) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (outside(r)) out.push('control "' + name(el) + '" off screen at ' + Math.round(r.left) + ',' + Math.round(r.top));
  }
  for (const svg of root.querySelectorAll('.figure-body .stage-box')) {
    if (!visible(svg)) continue;
    const r = svg.getBoundingClientRect();
    const label = (svg.querySelector('[aria-label]')?.getAttribute('aria-label') || '').slice(0, 40);
    if (outside(r)) out.push('plot "' + label + '" off screen');
    if (r.width < 180 || r.height < 120) out.push('plot "' + label + '" is ' + Math.round(r.width) + '×' + Math.round(r.height));
  }
  // Plots and controls side by side must not run into each other.
  const plots = root.querySelector('.figure-body .stage-plots');
  if (plots && visible(plots) && plots.scrollWidth > plots.clientWidth + 1) out.push('the plots are wider than their column by ' + (plots.scrollWidth - plots.clientWidth) + ' px');
  const side = root.querySelector('.figure-body .figure-side');
  if (side && visible(side)) {
    const c = side.getBoundingClientRect();
    for (const box of root.querySelectorAll('.figure-body .stage-panel')) {
      if (!visible(box)) continue;
      const r = box.getBoundingClientRect();
      const overlap = Math.min(r.right, c.right) - Math.max(r.left, c.left) > 1 && Math.min(r.bottom, c.bottom) - Math.max(r.top, c.top) > 1;
      if (overlap) out.push('a plot panel runs into the controls');
    }
  }
  for (const el of root.querySelectorAll('.figure-body *')) {
    const s = getComputedStyle(el);
    if (/(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 2 && visible(el)) out.push('a part scrolls: ' + el.className);
  }
  return [...new Set(out)];
}`;
