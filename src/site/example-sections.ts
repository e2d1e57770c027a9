/**
 * The parts of an event's page that show events: the example envelopes
 * from `examples/`, valid and invalid, and the timeline wording, each
 * version's template beside the sentence `describe` makes from an example.
 */
import { type EventTypeSource, type ExampleSource, timelineContract } from '../catalogue/model.js';
import { describeWith, templateFor } from '../runtime/describe.js';
import { type Html, html } from './html.js';
import { badge, scrolling } from './layout.js';

export function examplesSection(event: EventTypeSource): Html {
  return html`<section id="examples" aria-labelledby="examples-heading">
<h2 id="examples-heading">Examples</h2>
<p>Whole documents: notifications as a consumer receives them, detail documents as the producer serves them. The valid ones must be accepted and the invalid ones rejected; <code>domain-events check</code> holds the schemas to both.</p>
${event.contracts.map(
  (contract) =>
    html`${[...contract.versions].reverse().map(
      (v) => html`<h3>${contract.kind === 'notification' ? 'Notification' : 'Detail document'} version ${v.version}</h3>
${v.examples.length === 0 ? html`<p>No examples.</p>` : validFirst(v.examples).map(exampleBlock)}`,
    )}`,
)}
</section>`;
}

/** Valid examples before invalid ones, each kind in file order. */
const validFirst = (examples: readonly ExampleSource[]): ExampleSource[] => [
  ...examples.filter((e) => e.expect === 'valid'),
  ...examples.filter((e) => e.expect === 'invalid'),
];

function exampleBlock(example: ExampleSource): Html {
  const file = example.file.split('/').at(-1) as string;
  return html`<details class="example">
<summary>${badge(example.expect, example.expect)} ${example.name} <code>${file}</code></summary>
<pre><code>${JSON.stringify(example.json, null, 2)}</code></pre>
</details>`;
}

/** The first valid example of a version, the one its timeline sample is made from. */
const sampleOf = (examples: readonly ExampleSource[]): ExampleSource | undefined => examples.find((e) => e.expect === 'valid');

export function timelineSection(event: EventTypeSource): Html {
  const { timeline } = event.metadata;
  const rows = timelineContract(event).versions.map((v) => {
    const template = templateFor(timeline, v.version);
    const sample = sampleOf(v.examples);
    return html`<tr>
<th scope="row">v${v.version}</th>
<td>${template === undefined ? html`<em>No template; the envelope's description is shown.</em>` : html`<span class="template">${template}</span>`}</td>
<td>${
      sample
        ? html`<p class="sample">${describeWith(sample.json, { timeline }, { version: v.version })}</p><small>from <code>${sample.file.split('/').at(-1) as string}</code></small>`
        : html`<em>No valid example to render.</em>`
    }</td>
</tr>`;
  });
  return html`<section id="timeline" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">Timeline</h2>
<p>What a case timeline shows for this event: the template for the event's version, filled in from its data by <code>describe(event)</code>.
<code>{{path}}</code> inserts a value of the data, <code>{{envelope.field}}</code> one of the envelope.</p>
${scrolling(
  'Timeline templates and samples',
  html`<table class="timeline"><thead><tr><th scope="col">Version</th><th scope="col">Template</th><th scope="col">Sample</th></tr></thead>
<tbody>${rows}</tbody></table>`,
)}
</section>`;
}
