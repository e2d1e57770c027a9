/**
 * The frame every page of the site shares: head, header and footer. Links
 * are relative (`up` climbs from a page's folder to the site's root), so
 * the site works wherever it is opened, `file://` included.
 */
import { type Content, type Html, html, render, trusted } from './html.js';

export const STYLESHEET_FILE = 'assets/catalogue.css';
export const SCRIPT_FILE = 'assets/catalogue.js';
export const ASYNCAPI_FILE = 'asyncapi.json';

export interface PageOptions {
  readonly title: string;
  /** The path from the page's folder up to the site's root: `''` or `'../'`. */
  readonly up: string;
  readonly main: Content;
  /** Load the index's filter script. Default false. */
  readonly script?: boolean;
}

/** A whole HTML document. */
export function page(options: PageOptions): string {
  const { up } = options;
  const doc: Html = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">
<title>${options.title}</title>
<link rel="stylesheet" href="${up}${STYLESHEET_FILE}">
</head>
<body>
<header class="site-header"><a class="site-name" href="${up}index.html">Probation domain events</a><a href="${up}index.html#all-events">Event types</a><a href="${up}${ASYNCAPI_FILE}">AsyncAPI document</a></header>
<main>
${options.main}
</main>
<footer>Built from the JSON Schemas in <code>schemas/</code> by <code>domain-events catalog</code>.</footer>
${options.script ? html`<script src="${up}${SCRIPT_FILE}"></script>` : ''}
</body>
</html>
`;
  return render(doc);
}

/** A status or verdict as a coloured label. */
export const badge = (text: string, kind: string): Html => html`<span class="badge ${kind}">${text}</span>`;

/** Content that is wider than a phone, in a box that scrolls sideways and can be reached by keyboard. */
export const scrolling = (label: string, content: Content): Html => html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${content}</div>`;

/** An event type that may wrap after each dot, never inside a word: `a.<wbr>b.<wbr>c`. */
export const breakable = (eventType: string): Html => html`${joined(eventType.split('.'), trusted('.<wbr>'))}`;

/** Items joined by a separator: `a, b, c`. */
export function joined(items: readonly Content[], separator: Content = ', '): Content[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}
