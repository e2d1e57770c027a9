/**
 * One event type's page: what it is and who owns it, who produces and
 * consumes it (as a graph), its fields in every version, the changes
 * between versions, its examples and its timeline wording.
 */

import { consumerKey, consumerName, type EventView } from './event-view.js';
import { examplesSection, timelineSection } from './example-sections.js';
import { flowSvg } from './graph.js';
import { type Html, html } from './html.js';
import { badge, breakable, joined, page } from './layout.js';
import { CONTRACT_TEXT, changesSection, fieldsSection, versionAnchor } from './version-sections.js';

/** Event pages sit one folder below the site's root. */
const UP = '../';

/** The index, filtered to one value: `../index.html?producer=…`. */
const filtered = (name: string, value: string): string => `${UP}index.html?${new URLSearchParams({ [name]: value })}`;

export function eventPage(view: EventView): string {
  const { event } = view;
  const { metadata } = event;
  const graph = {
    eventType: event.type,
    producers: metadata.producers,
    consumers: metadata.consumers,
    linkFor: (role: 'producer' | 'consumer', key: string) => filtered(role, key),
  };
  const main = html`<p class="crumbs"><a href="${UP}index.html">All event types</a> › <a href="${UP}index.html#domain-${view.domain}">${view.domain}</a></p>
<h1>${breakable(event.type)}</h1>
<p class="lede">${metadata.title} ${badge(metadata.status, `status-${metadata.status}`)} ${view.contracts.map((c) => badge(`${c.contract.kind} v${c.latest}`, 'version'))}</p>
<p>${metadata.description}</p>
${facts(view)}
<nav class="toc" aria-label="On this page"><a href="#flow">Producers and consumers</a><a href="#fields">Fields</a><a href="#changes">Changes</a><a href="#examples">Examples</a><a href="#timeline">Timeline</a></nav>
<section id="flow" aria-labelledby="flow-heading">
<h2 id="flow-heading">Producers and consumers</h2>
<figure class="graph">${flowSvg(graph, 'wide')}${flowSvg(graph, 'narrow')}</figure>
</section>
${fieldsSection(view)}
${changesSection(view)}
${examplesSection(event)}
${timelineSection(event)}`;
  return page({ title: `${event.type} · Probation domain events`, up: UP, main });
}

function facts(view: EventView): Html {
  const { metadata } = view.event;
  const none = html`<em>none listed</em>`;
  return html`<dl class="facts">
<dt>Owner</dt><dd>${metadata.owner}</dd>
<dt>Producers</dt><dd>${metadata.producers.length > 0 ? joined(metadata.producers.map((p) => html`<a href="${filtered('producer', p)}">${p}</a>`)) : none}</dd>
<dt>Consumers</dt><dd>${
    metadata.consumers.length > 0 ? joined(metadata.consumers.map((c) => html`<a href="${filtered('consumer', consumerKey(c))}">${consumerName(c)}</a>`)) : none
  }</dd>
${view.contracts.map(
  (c) =>
    html`<dt>${CONTRACT_TEXT[c.contract.kind].title} versions</dt><dd>${joined(
      c.contract.versions.map((v) => html`<a href="#${versionAnchor(c.contract.kind, v.version)}">v${v.version}</a>`),
    )}</dd>`,
)}
${metadata.detailUrl ? html`<dt>Detail URL</dt><dd><code>${metadata.detailUrl}</code></dd>` : ''}
</dl>`;
}
