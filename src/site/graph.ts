/**
 * The flow of one event type, producers → event → consumers, drawn as SVG
 * when the site is built, so the page needs no script to show it.
 *
 * Two layouts of the same graph: `wide`, three columns left to right, for
 * screens with room; `narrow`, a tree down the page, for phones. The page
 * carries both and its stylesheet shows the one that fits. Labels are set in
 * a monospace font, so a box can be sized from its text's length.
 */
import type { Consumer } from '../catalogue/model.js';
import { consumerKey, consumerName } from './event-view.js';
import { type Html, html } from './html.js';

export interface FlowGraph {
  readonly eventType: string;
  readonly producers: readonly string[];
  readonly consumers: readonly Consumer[];
  /** Where a box links to, such as the index filtered to it, given a producer or a consumer's key (`service/component`); no links when absent. */
  readonly linkFor?: (role: 'producer' | 'consumer', key: string) => string;
}

export type GraphLayout = 'wide' | 'narrow';

/** A box: its lines of text (the first in bold), and where it links to. */
interface Node {
  readonly lines: readonly string[];
  readonly kind: 'producer' | 'event' | 'consumer' | 'none';
  readonly href?: string;
}

interface Placed extends Node {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const FONT_SIZE = 13;
/** A monospace glyph's advance is 0.6em in the common monospace fonts. */
const CHAR_WIDTH = FONT_SIZE * 0.6;
const LINE_HEIGHT = 18;
const PAD_X = 12;
const PAD_Y = 9;
const GAP_X = 64;
const GAP_Y = 14;
const MARGIN = 8;
const HEADING = 24;

/** The graph as an `<svg>` element, in the given layout. */
export function flowSvg(graph: FlowGraph, layout: GraphLayout): Html {
  const producers: Node[] = graph.producers.map((service) => serviceNode('producer', [service], graph.linkFor?.('producer', service)));
  const consumers: Node[] = graph.consumers.map((c) =>
    serviceNode('consumer', c.component ? [c.service, c.component] : [c.service], graph.linkFor?.('consumer', consumerKey(c))),
  );
  const event: Node = { lines: eventLines(graph.eventType), kind: 'event' };
  const left = producers.length > 0 ? producers : [{ lines: ['no producer listed'], kind: 'none' as const }];
  const right = consumers.length > 0 ? consumers : [{ lines: ['no consumer listed'], kind: 'none' as const }];
  const drawn = layout === 'wide' ? wide(left, event, right) : narrow(left, event, right);
  const label = `${graph.producers.join(', ') || 'No producer'} → ${graph.eventType} → ${graph.consumers.map(consumerName).join(', ') || 'no consumer'}`;
  const marker = `arrow-${layout}`;
  return html`<svg class="flow flow-${layout}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${drawn.width} ${drawn.height}" width="${drawn.width}" height="${drawn.height}" role="img" aria-label="${label}">
<defs><marker id="${marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrow-head"/></marker></defs>
${drawn.headings.map((h) => html`<text class="flow-heading" x="${h.x}" y="${h.y}">${h.text}</text>`)}
${drawn.edges.map((e) => (e.arrow ? html`<path class="edge" d="${e.d}" marker-end="url(#${marker})"/>` : html`<path class="edge" d="${e.d}"/>`))}
${drawn.nodes.map(box)}
</svg>`;
}

function serviceNode(kind: 'producer' | 'consumer', lines: string[], href: string | undefined): Node {
  return href === undefined ? { lines, kind } : { lines, kind, href };
}

/** The event type broken after each dot, so a long name makes a narrow box. */
function eventLines(type: string): string[] {
  const parts = type.split('.');
  return parts.map((part, i) => (i < parts.length - 1 ? `${part}.` : part));
}

function size(node: Node): { width: number; height: number } {
  const longest = Math.max(...node.lines.map((l) => l.length));
  return { width: Math.ceil(longest * CHAR_WIDTH + 2 * PAD_X), height: node.lines.length * LINE_HEIGHT + 2 * PAD_Y };
}

interface Edge {
  readonly d: string;
  readonly arrow: boolean;
}

interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly Placed[];
  /** SVG path data, and whether the path ends in an arrow head. */
  readonly edges: readonly Edge[];
  readonly headings: readonly { x: number; y: number; text: string }[];
}

/** Three columns, each centred on the tallest; edges are curves from box side to box side. */
function wide(left: readonly Node[], event: Node, right: readonly Node[]): Drawing {
  const columns = [left, [event], right];
  const sizes = columns.map((column) => column.map(size));
  const widths = sizes.map((column) => Math.max(...column.map((s) => s.width)));
  const heights = sizes.map((column) => column.reduce((sum, s) => sum + s.height, 0) + GAP_Y * (column.length - 1));
  const height = Math.max(...heights) + HEADING + 2 * MARGIN;
  const nodes: Placed[][] = [];
  let x = MARGIN;
  columns.forEach((column, c) => {
    let y = MARGIN + HEADING + (Math.max(...heights) - (heights[c] as number)) / 2;
    nodes.push(
      column.map((node, i) => {
        const s = (sizes[c] as { width: number; height: number }[])[i] as { width: number; height: number };
        const placed = { ...node, x: x + ((widths[c] as number) - s.width) / 2, y, ...s };
        y += s.height + GAP_Y;
        return placed;
      }),
    );
    x += (widths[c] as number) + GAP_X;
  });
  const [from, [centre], to] = nodes as [Placed[], [Placed], Placed[]];
  const curve = (a: Placed, b: Placed) => {
    const [x1, y1, x2, y2] = [a.x + a.width, a.y + a.height / 2, b.x, b.y + b.height / 2];
    return { d: `M${x1} ${y1}C${x1 + GAP_X / 2} ${y1} ${x2 - GAP_X / 2} ${y2} ${x2} ${y2}`, arrow: true };
  };
  const edges = [...from.filter(real).map((p) => curve(p, centre)), ...to.filter(real).map((c) => curve(centre, c))];
  const headingAt = (c: number, text: string) => ({ x: nodes[c]?.[0]?.x ?? 0, y: MARGIN + 14, text });
  return {
    width: x - GAP_X + MARGIN,
    height,
    nodes: [...from, centre, ...to],
    edges,
    headings: [headingAt(0, 'Producers'), headingAt(1, 'Event'), headingAt(2, 'Consumers')],
  };
}

/** A tree down the page: producers, joined by a line into the event, which fans out to the consumers. */
function narrow(left: readonly Node[], event: Node, right: readonly Node[]): Drawing {
  const bus = MARGIN + 10;
  const indent = bus + 22;
  const nodes: Placed[] = [];
  const headings: { x: number; y: number; text: string }[] = [];
  let y = MARGIN;
  /** Stacks a group under its heading; gives the middle height of each real box in it. */
  const stack = (group: readonly Node[], heading: string): number[] => {
    headings.push({ x: indent, y: y + 14, text: heading });
    y += HEADING;
    const middles: number[] = [];
    for (const node of group) {
      const placed = { ...node, x: indent, y, ...size(node) };
      nodes.push(placed);
      if (real(node)) middles.push(y + placed.height / 2);
      y += placed.height + GAP_Y;
    }
    return middles;
  };
  const producers = stack(left, 'Producers');
  y += GAP_Y;
  const centre = { ...event, x: MARGIN, y, ...size(event) };
  nodes.push(centre);
  y += centre.height + GAP_Y;
  const consumers = stack(right, 'Consumers');
  const edges: Edge[] = [
    ...producers.map((m) => ({ d: `M${indent} ${m}H${bus}`, arrow: false })),
    ...(producers.length > 0 ? [{ d: `M${bus} ${producers[0]}V${centre.y}`, arrow: true }] : []),
    ...(consumers.length > 0 ? [{ d: `M${bus} ${centre.y + centre.height}V${consumers.at(-1)}`, arrow: false }] : []),
    ...consumers.map((m) => ({ d: `M${bus} ${m}H${indent}`, arrow: true })),
  ];
  const width = Math.max(...nodes.map((n) => n.x + n.width)) + MARGIN;
  return { width, height: y - GAP_Y + MARGIN, nodes, edges, headings };
}

const real = (node: Node): boolean => node.kind !== 'none';

function box(node: Placed): Html {
  const text = node.lines.map(
    (line, i) =>
      html`<text x="${node.x + PAD_X}" y="${node.y + PAD_Y + LINE_HEIGHT * i + FONT_SIZE}" class="${i === 0 ? 'label' : 'label-minor'}">${line}</text>`,
  );
  const shape = html`<g class="node node-${node.kind}"><rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="6"/>${text}</g>`;
  return node.href === undefined ? shape : html`<a href="${node.href}">${shape}</a>`;
}
