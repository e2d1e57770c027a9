/** The flow graph: a box per service, an arrow per flow, no box over another, all inside the picture. */
import { describe, expect, it } from 'vitest';
import { type FlowGraph, flowSvg, type GraphLayout } from '../../src/site/graph.js';
import { render } from '../../src/site/html.js';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function drawn(graph: FlowGraph, layout: GraphLayout) {
  const svg = render(flowSvg(graph, layout));
  const [width, height] = (/viewBox="0 0 ([\d.]+) ([\d.]+)"/u.exec(svg)?.slice(1) ?? []).map(Number) as [number, number];
  const rects: Rect[] = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/gu)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
  }));
  return { svg, width, height, rects, arrows: (svg.match(/marker-end=/gu) ?? []).length };
}

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const CHANGED: FlowGraph = {
  eventType: 'approved-premises.booking.changed',
  producers: ['hmpps-approved-premises-api'],
  consumers: [{ service: 'hmpps-probation-integration-services', component: 'approved-premises-and-delius' }, { service: 'hmpps-approved-premises-ui' }],
};

describe.each<GraphLayout>(['wide', 'narrow'])('flowSvg, %s', (layout) => {
  it.each<[string, { given: FlowGraph; boxes: number; arrows: number }]>([
    ['one producer, two consumers', { given: CHANGED, boxes: 4, arrows: 3 }],
    [
      'many of each',
      { given: { ...CHANGED, producers: ['a', 'b', 'c'], consumers: [{ service: 'x' }, { service: 'y' }] }, boxes: 6, arrows: layout === 'wide' ? 5 : 3 },
    ],
    ['none listed: placeholder boxes, no arrows', { given: { ...CHANGED, producers: [], consumers: [] }, boxes: 3, arrows: 0 }],
  ])('%s', (_name, { given, boxes, arrows }) => {
    const { rects, width, height, arrows: drawnArrows } = drawn(given, layout);
    expect(rects).toHaveLength(boxes);
    expect(drawnArrows).toBe(arrows);
    for (const [i, a] of rects.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(width);
      expect(a.y + a.height).toBeLessThanOrEqual(height);
      for (const b of rects.slice(i + 1)) expect(overlap(a, b), JSON.stringify([a, b])).toBe(false);
    }
  });

  it('escapes names and links', () => {
    const { svg } = drawn(
      {
        eventType: 'a.b.c',
        producers: ['<script>alert(1)</script>'],
        consumers: [{ service: 'x"y' }],
        linkFor: (role, key) => `../index.html?${role}=${key}&x`,
      },
      layout,
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('href="../index.html?consumer=x&quot;y&amp;x"');
  });
});

it('the narrow layout of the longest real names fits a phone', () => {
  expect(drawn(CHANGED, 'narrow').width).toBeLessThanOrEqual(360);
});
