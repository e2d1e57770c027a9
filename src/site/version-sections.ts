/**
 * The parts of an event's page about its versions: a table of every
 * version's fields, and what changed from each version to the next, with
 * the compatibility engine's verdict and the upcast declaration.
 */
import type { ContractKind, UpcastDeclaration, UpcastOperation } from '../catalogue/model.js';
import type { Reason } from '../compat/rule.js';
import type { ContractView, EventView } from './event-view.js';
import type { FieldRow } from './fields.js';
import { type Html, html, trusted } from './html.js';
import { badge, joined, scrolling } from './layout.js';
import type { ChangedField, VersionChange } from './version-changes.js';

/** What a contract's data is, in words. */
export const CONTRACT_TEXT: Readonly<Record<ContractKind, { title: string; data: string }>> = {
  notification: { title: 'Notification', data: "the notification's <code>additionalInformation</code>, published on the topic" },
  detail: { title: 'Detail document', data: "the detail document's <code>eventDetails</code>, served at <code>detailUrl</code> and stored by the producer" },
};

/** The anchor of a contract version on an event's page: `notification-v1`, `detail-v2`. */
export const versionAnchor = (kind: ContractKind, version: number): string => `${kind}-v${version}`;

/** A table of the fields of each version of each contract, the latest first. */
export function fieldsSection(view: EventView): Html {
  return html`<section id="fields" aria-labelledby="fields-heading">
<h2 id="fields-heading">Fields</h2>
<p>Nested fields are written as paths; <code>[]</code> stands for each item of a list.</p>
${view.contracts.map((c) => contractFields(c))}
</section>`;
}

function contractFields(view: ContractView): Html {
  const { kind } = view.contract;
  const versions = [...view.contract.versions].reverse();
  return html`<h3 id="${kind}-fields">${CONTRACT_TEXT[kind].title}</h3>
<p>The data of each version: ${trusted(CONTRACT_TEXT[kind].data)}.</p>
${versions.map(
  (v) => html`<h4 id="${versionAnchor(kind, v.version)}">Version ${v.version} ${v.version === view.latest ? badge('latest', 'latest') : ''}</h4>
${typeof v.schema.json.description === 'string' ? html`<p>${v.schema.json.description}</p>` : ''}
${scrolling(`Fields of ${kind} version ${v.version}`, fieldTable(view.fields.get(v.version) ?? []))}`,
)}`;
}

export function fieldTable(rows: readonly FieldRow[]): Html {
  if (rows.length === 0) return html`<p>No fields.</p>`;
  return html`<table class="fields">
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Format</th><th scope="col">Values</th><th scope="col">Description</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr>
<td class="depth-${r.depth}">${r.path}${r.variant ? html` <span class="badge">when ${r.variant}</span>` : ''}</td>
<td>${r.type}${r.shared ? html` <span class="badge" title="shared definition">${r.shared}</span>` : ''}</td>
<td>${r.required ? 'yes' : 'no'}</td>
<td class="format">${r.format ? html`<code>${r.format}</code>` : ''}${r.pattern ? html`<span class="pattern">pattern <code>${r.pattern}</code></span>` : ''}</td>
<td class="values">${r.values ? values(r.values) : ''}</td>
<td class="description">${r.deprecated ? html`${badge('deprecated', 'deprecated')} ` : ''}${r.description ?? ''}</td>
</tr>`,
)}
</tbody>
</table>`;
}

/** How many values a cell lists before it folds them away behind a summary. */
const FOLD_VALUES = 6;

function values(list: readonly unknown[]): Html {
  const codes = list.map((value) => html`<code>${JSON.stringify(value)}</code> `);
  return list.length > FOLD_VALUES ? html`<details class="values-list"><summary>${list.length} values</summary>${codes}</details>` : html`${codes}`;
}

/** Each step from one version to the next of each contract, and which older consumers a newer version breaks. */
export function changesSection(view: EventView): Html {
  return html`<section id="changes" aria-labelledby="changes-heading">
<h2 id="changes-heading">Changes between versions</h2>
${view.contracts.map((c) => html`<h3>${CONTRACT_TEXT[c.contract.kind].title}</h3>${contractChanges(c)}`)}
</section>`;
}

function contractChanges(view: ContractView): Html {
  return view.steps.length === 0
    ? html`<p>There is only one version so far.</p>`
    : html`${view.steps.map((step) => change(step, view.contract.kind))}${
        view.forwardBreaks.length > 0
          ? html`<p><strong>Consumers upgrade first:</strong> ${joined(
              view.forwardBreaks.map((b) => `a consumer on v${b.from} rejects some v${b.to} data`),
              '; ',
            )}. Move consumers to the newer version before any producer sends it.</p>`
          : ''
      }`;
}

function change(step: VersionChange, kind: ContractKind): Html {
  return html`<article class="change" id="${kind}-v${step.from}-to-v${step.to}">
<h4>v${step.from} → v${step.to} ${badge(step.headline, `compat-${step.compatibility}`)}</h4>
<ul class="summary">
<li>${step.backward}${reasons(step.backwardReasons)}</li>
<li>${step.forward}${reasons(step.forwardReasons)}</li>
</ul>
${fieldDifferences(step)}
${step.upcast ? upcast(step.upcast, step) : html`<p>No upcast is declared for v${step.to}.</p>`}
</article>`;
}

function reasons(list: readonly Reason[]): Html | '' {
  if (list.length === 0) return '';
  return html`<ul>${list.map((r) => html`<li>${r.message}${r.decided ? '' : ' (the engine cannot decide, so it assumes the worst)'}</li>`)}</ul>`;
}

function fieldDifferences(step: VersionChange): Html {
  const rows = [
    ...step.added.map((r) => [r.path, `added${r.required ? ', required' : ', optional'}`] as const),
    ...step.removed.map((r) => [r.path, 'removed'] as const),
    ...step.changed.map((c: ChangedField) => [c.path, c.changes.join('; ')] as const),
  ];
  if (rows.length === 0) return html`<p>The fields are the same in both versions.</p>`;
  return scrolling(
    `Fields changed from v${step.from} to v${step.to}`,
    html`<table class="compact"><thead><tr><th scope="col">Field</th><th scope="col">In v${step.to}</th></tr></thead>
<tbody>${rows.map(([path, what]) => html`<tr><td><code>${path}</code></td><td>${what}</td></tr>`)}</tbody></table>`,
  );
}

function upcast(declaration: UpcastDeclaration, step: VersionChange): Html {
  const kind = {
    transform: 'a declarative transform',
    'meaning-only': 'a change of meaning only: the data is carried over as it is',
    typed: 'a typed upcaster written in TypeScript',
  }[declaration.kind];
  const operations = declaration.kind === 'transform' ? declaration.operations : [];
  return html`<div class="upcast">
<p><strong>Upcast v${step.from} → v${step.to}:</strong> ${kind}. ${declaration.description}</p>
${operations.length > 0 ? html`<ol>${operations.map((op) => html`<li>${operation(op)}</li>`)}</ol>` : ''}
</div>`;
}

/** One declarative operation in words. */
export function operation(op: UpcastOperation): Html {
  switch (op.op) {
    case 'add':
      if ('fromEnvelope' in op) return html`set <code>${op.path}</code> to the envelope's <code>${op.fromEnvelope}</code>`;
      if ('fromContext' in op) {
        const fallback = 'default' in op ? html`, or else <code>${JSON.stringify(op.default)}</code>` : '';
        return html`set <code>${op.path}</code> from the caller's <code>${op.fromContext}</code>${fallback}`;
      }
      return html`set <code>${op.path}</code> to <code>${JSON.stringify(op.value)}</code>`;
    case 'rename':
      return html`rename <code>${op.from}</code> to <code>${op.path}</code>`;
    case 'remove':
      return html`remove <code>${op.path}</code>`;
    case 'date-in-zone':
      return html`set <code>${op.path}</code> to the date of <code>${op.from}</code> in the ${op.timeZone} time zone`;
    case 'map-enum':
      return html`map the values of <code>${op.path}</code>: ${joined(Object.entries(op.map).map(([from, to]) => html`<code>${from}</code> → <code>${to}</code>`))}`;
  }
}
