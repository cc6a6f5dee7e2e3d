// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { drawAxes, type AxesTicks } from './axes.ts';
import { estimateTextWidth } from './format.ts';
import { frame } from './frame.ts';
import { plotScales } from './setup.ts';
import { setupSvg } from './svg.ts';
import { createSvg, normalizeSvg } from './testing.ts';
import { defaultPlotTheme, type PlotTheme } from './theme.ts';
import { chooseTicks, ticksOverlap } from './ticks.ts';

const projector: PlotTheme = { ...defaultPlotTheme, fontSize: 20, strokeWidth: 3 };

/** Reads the x tick labels back from the rendered svg: [centre x, estimated width]. */
function renderedXLabels(svg: SVGSVGElement, fontSize: number): Array<[number, number]> {
  return Array.from(svg.querySelectorAll('.plot-axis-x .plot-tick')).map((g) => {
    const x = Number(/translate\(([-\d.]+),/.exec(g.getAttribute('transform') ?? '')![1]);
    const text = g.querySelector('text')!;
    return [x + Number(text.getAttribute('x') ?? 0), estimateTextWidth(text.textContent ?? '', fontSize)];
  });
}

describe('axes', () => {
  const domains: Array<[number, number]> = [
    [0, 1],
    [-1, 1],
    [0, 10],
    [-3.7, 12.2],
    [0, 1234567],
    [1e-5, 9e-5],
    [-1000, 1000],
    [0.001, 0.0013],
  ];

  for (const theme of [defaultPlotTheme, projector]) {
    it(`x tick labels never overlap and stay inside a 320 px plot (font ${theme.fontSize}px)`, () => {
      for (const domain of domains) {
        for (const width of [240, 320, 480, 900]) {
          const svg = createSvg(width, 200);
          const f = frame({ width, height: 200 }, { theme, xLabel: 'x', yLabel: 'y', yDomain: domain });
          const s = plotScales(f, domain, domain);
          drawAxes(svg, s, f, { theme, xLabel: 'x', yLabel: 'y' });
          const labels = renderedXLabels(svg, theme.fontSize).sort((a, b) => a[0] - b[0]);
          expect(labels.length, `ticks for ${domain} at ${width}px`).toBeGreaterThanOrEqual(2);
          for (let i = 1; i < labels.length; i++) {
            const [x0, w0] = labels[i - 1];
            const [x1, w1] = labels[i];
            expect(x1 - w1 / 2, `labels ${i - 1},${i} for ${domain} at ${width}px`).toBeGreaterThan(x0 + w0 / 2);
          }
          for (const [x, w] of labels) {
            expect(x - w / 2).toBeGreaterThanOrEqual(-0.5);
            expect(x + w / 2).toBeLessThanOrEqual(width + 0.5);
          }
          // the y labels fit in the left margin the frame reserved
          for (const t of Array.from(svg.querySelectorAll('.plot-axis-y text'))) {
            expect(estimateTextWidth(t.textContent ?? '', theme.fontSize)).toBeLessThanOrEqual(f.margin.left - 8);
          }
          svg.remove();
        }
      }
    });
  }

  it('gives a wide plot more ticks than a phone plot', () => {
    const count = (width: number) => chooseTicks(scaleLinear().domain([0, 10]).range([0, width]), { orient: 'x', fontSize: 12 }).length;
    expect(count(900)).toBeGreaterThan(count(280));
    expect(count(280)).toBeGreaterThanOrEqual(2);
  });

  it('thins explicit ticks that would overlap', () => {
    const s = scaleLinear().domain([0, 100]).range([0, 200]);
    const values = Array.from({ length: 101 }, (_, i) => i);
    const ticks = chooseTicks(s, { orient: 'x', fontSize: 12, values });
    expect(ticks.length).toBeLessThan(20);
    expect(ticksOverlap(ticks, { orient: 'x', fontSize: 12 })).toBe(false);
  });

  it('stacks y ticks at least a line apart', () => {
    const ticks = chooseTicks(scaleLinear().domain([0, 1]).range([100, 0]), { orient: 'y', fontSize: 20 });
    for (let i = 1; i < ticks.length; i++) expect(Math.abs(ticks[i].position - ticks[i - 1].position)).toBeGreaterThanOrEqual(20 * 1.2);
  });

  it('is accessible and themed by currentColor', () => {
    const svg = createSvg(320, 200);
    const f = frame({ width: 320, height: 200 }, { xLabel: 'time t' });
    const g = drawAxes(svg, plotScales(f, [0, 5], [-1, 1]), f, { xLabel: 'time t' });
    expect(g.attr('role')).toBe('img');
    expect(g.attr('aria-label')).toBe('x axis "time t" from 0 to 5; y axis from −1 to 1');
    expect(svg.innerHTML).not.toMatch(/(stroke|fill)="#/);
    const ticks = g.datum() as AxesTicks;
    expect(ticks.x.map((t) => t.label)).toContain('0');
    svg.remove();
  });

  it('matches the snapshot (320 px phone and projector)', async () => {
    for (const [name, theme] of [
      ['axes-phone', defaultPlotTheme],
      ['axes-projector', projector],
    ] as const) {
      const size = { width: 320, height: 220 };
      const svg = createSvg(size.width, size.height);
      setupSvg(svg, size, { ariaLabel: 'Axes only', theme });
      const f = frame(size, { theme, xLabel: 'time t', yLabel: 'value V(x)', yDomain: [-2.5, 2.5] });
      drawAxes(svg, plotScales(f, [0, 5], [-2.5, 2.5]), f, { theme, xLabel: 'time t', yLabel: 'value V(x)' });
      await expect(normalizeSvg(svg)).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
      svg.remove();
    }
  });
});

describe('frame', () => {
  it('keeps a usable inner box on a phone and grows margins with the font', () => {
    const small = frame({ width: 320, height: 200 }, { xLabel: 'x', yLabel: 'y' });
    const big = frame({ width: 320, height: 200 }, { xLabel: 'x', yLabel: 'y', theme: projector });
    expect(small.innerWidth).toBeGreaterThan(220);
    expect(big.margin.left).toBeGreaterThan(small.margin.left);
    expect(big.margin.bottom).toBeGreaterThan(small.margin.bottom);
    expect(big.innerHeight).toBeGreaterThan(0);
    expect(small.right).toBe(small.left + small.innerWidth);
  });

  it('sizes the left margin to the y labels', () => {
    const narrow = frame({ width: 400, height: 200 }, { yDomain: [0, 1] });
    const wide = frame({ width: 400, height: 200 }, { yDomain: [-12345, 12345] });
    expect(wide.margin.left).toBeGreaterThan(narrow.margin.left);
  });

  it('never produces a negative box', () => {
    const f = frame({ width: 10, height: 10 }, { xLabel: 'x', yLabel: 'y' });
    expect(f.innerWidth).toBe(0);
    expect(f.innerHeight).toBe(0);
  });

  it('the frame leaves room for the y labels whether or not the scale is rounded to nice ends (large type)', () => {
    for (const nice of [true, false]) {
      const svg = createSvg(500, 480);
      // Rounded to nice ends this domain gets labels 0 ... 4; as it is, 0.0, 0.5, ... 4.0, which are wider.
      const f = frame({ width: 500, height: 480 }, { theme: projector, xLabel: 'x', yLabel: 'a long y title', yDomain: [-0.05, 4.07] });
      const s = plotScales(f, [0, 1], [-0.05, 4.07], { nice });
      drawAxes(svg, s, f, { theme: projector, xLabel: 'x', yLabel: 'a long y title' });
      const labels = Array.from(svg.querySelectorAll('.plot-axis-y .plot-tick text')).map((t) => t.textContent ?? '');
      const widest = Math.max(...labels.map((l) => estimateTextWidth(l, 20)));
      // The rotated title is centred 0.9 font sizes from the left edge: its right side must clear the widest label.
      expect(f.left - 6 - 3 - widest).toBeGreaterThanOrEqual(2 + 0.9 * 20 + 0.5 * 20);
    }
  });

  it('sizes the left margin to tick labels the figure chooses itself', () => {
    const labels = ['10⁰', '10⁻⁴', '10⁻⁸', '10⁻¹²'];
    const wide = frame({ width: 400, height: 300 }, { yTickLabels: labels, yDomain: [-12, 0] });
    const narrow = frame({ width: 400, height: 300 }, { yDomain: [-12, 0] });
    expect(wide.left - narrow.left).toBeGreaterThanOrEqual(estimateTextWidth('10⁻¹²', 12) - estimateTextWidth('−12', 12) - 1);
  });
});
