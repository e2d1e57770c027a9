/**
 * The site's front page: every event type, grouped by domain, as cards. The
 * filter form (search and the domain, status, producer and consumer filters)
 * is hidden until the filter script shows it, so without a script the page
 * simply lists everything.
 */

import { consumerFilters, consumerName, type EventView } from './event-view.js';
import { type Html, html } from './html.js';
import { ASYNCAPI_FILE, badge, breakable, joined, page } from './layout.js';

export function indexPage(views: readonly EventView[]): string {
  const domains = [...new Set(views.map((v) => v.domain))];
  const versions = views.reduce((n, v) => n + v.contracts.reduce((m, c) => m + c.contract.versions.length, 0), 0);
  const main = html`<h1>Probation domain events</h1>
<p class="lede">${views.length} event types in ${domains.length} domains, ${versions} schema versions. Every event travels on the shared domain-events topic; the
<a href="${ASYNCAPI_FILE}">AsyncAPI document</a> describes the same catalogue for tools.</p>
<ul class="domain-list" aria-label="Jump to a domain">${domains.map((d) => html`<li><a href="#domain-${d}">${d}</a> (${views.filter((v) => v.domain === d).length})</li>`)}</ul>
${filterForm(views, domains)}
<div id="all-events">
${domains.map((domain) =>
  domainSection(
    domain,
    views.filter((v) => v.domain === domain),
  ),
)}
</div>
<p id="no-match" hidden>No event type matches. Clear the search or a filter to see more.</p>`;
  return page({ title: 'Probation domain events', up: '', main, script: true });
}

function filterForm(views: readonly EventView[], domains: readonly string[]): Html {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const statuses = sorted(views.map((v) => v.event.metadata.status));
  const producers = sorted(views.flatMap((v) => v.event.metadata.producers));
  const consumers = new Map(views.flatMap((v) => v.event.metadata.consumers.flatMap(consumerFilters)));
  const choose = (name: string, label: string, all: string, options: readonly (readonly [string, string])[]) =>
    html`<div class="field"><label for="filter-${name}">${label}</label><select id="filter-${name}" name="${name}"><option value="">${all}</option>${options.map(([value, text]) => html`<option value="${value}">${text}</option>`)}</select></div>`;
  const same = (values: readonly string[]) => values.map((v) => [v, v] as const);
  return html`<form id="filters" class="filters" role="search" aria-label="Filter event types" hidden>
<div class="field search"><label for="filter-q">Search names, descriptions and fields</label><input id="filter-q" type="search" name="q" autocomplete="off" placeholder="for example premises, referralId or cancelled"></div>
${choose('domain', 'Domain', 'All domains', same(domains))}
${choose('status', 'Status', 'Any status', same(statuses))}
${choose('producer', 'Producer', 'Any producer', same(producers))}
${choose(
  'consumer',
  'Consumer',
  'Any consumer',
  [...consumers].sort(([a], [b]) => (a < b ? -1 : 1)),
)}
<p id="match-count" class="match-count" aria-live="polite"></p>
</form>`;
}

function domainSection(domain: string, views: readonly EventView[]): Html {
  return html`<section id="domain-${domain}" data-domain-section="${domain}">
<h2>${domain}</h2>
<ul class="events">
${views.map(card)}
</ul>
</section>`;
}

function card(view: EventView): Html {
  const { event } = view;
  const { metadata } = event;
  const consumers = metadata.consumers.flatMap((c) => consumerFilters(c).map(([key]) => key));
  return html`<li class="event-card" data-event="${event.type}" data-domain="${view.domain}" data-status="${metadata.status}" data-producers="${metadata.producers.join('|')}" data-consumers="${[...new Set(consumers)].join('|')}" data-search="${view.searchText}">
<h3><a href="${view.href}">${breakable(event.type)}</a></h3>
<p>${metadata.description}</p>
<p class="meta">${badge(metadata.status, `status-${metadata.status}`)} ${view.contracts.map((c) => badge(`${c.contract.kind} v${c.latest}`, 'version'))} ${
    metadata.producers.length > 0 ? html`Produced by ${joined(metadata.producers)}` : 'No producer listed'
  }; ${metadata.consumers.length > 0 ? html`consumed by ${joined(metadata.consumers.map(consumerName))}` : 'no consumer listed'}.</p>
</li>`;
}
