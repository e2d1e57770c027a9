/**
 * The site's one stylesheet, written to `assets/catalogue.css`. Wide content
 * (tables, JSON, the flow graph) scrolls sideways inside its own box, so the
 * page itself never does, down to a phone's width.
 */
export const STYLESHEET = `:root {
  --text: #1d1d1f; --muted: #5a5d63; --line: #d5d8dc; --panel: #f5f6f8; --link: #1d5fb4;
  --ok: #e3f3e6; --ok-text: #1b5e2b; --warn: #fff3d6; --warn-text: #6b4a00; --bad: #fde4e2; --bad-text: #8a1f17;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
a { color: var(--link); }
code, pre, .mono { font-family: var(--mono); font-size: 0.875rem; }
h1, h2, h3, h4 { line-height: 1.25; overflow-wrap: anywhere; }
h1 { font-size: 1.75rem; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.75rem; padding-top: 0.5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
.site-header { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; align-items: baseline; padding: 0.75rem 1rem; background: #0b2e4f; color: #fff; }
.site-header a { color: #fff; }
.site-header .site-name { font-weight: 700; text-decoration: none; margin-right: auto; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
.lede { color: var(--muted); margin-top: 0; }
.crumbs { font-size: 0.9rem; margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.6rem; font-size: 0.8rem; line-height: 1.4rem; background: var(--panel); border: 1px solid var(--line); white-space: nowrap; vertical-align: middle; }
.status-active, .compat-full, .valid { background: var(--ok); color: var(--ok-text); border-color: transparent; }
.status-draft, .compat-backward, .compat-forward { background: var(--warn); color: var(--warn-text); border-color: transparent; }
.status-deprecated, .status-retired, .compat-none, .invalid, .deprecated { background: var(--bad); color: var(--bad-text); border-color: transparent; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.toc { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.95rem; }
.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.75rem; padding: 0.75rem; margin: 1rem 0; background: var(--panel); border-radius: 0.5rem; }
.filters[hidden] { display: none; }
.filters .field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
.filters label { font-size: 0.9rem; font-weight: 600; }
.filters input, .filters select { font: inherit; font-weight: 400; padding: 0.35rem 0.5rem; border: 1px solid #8a8f98; border-radius: 0.3rem; background: #fff; width: 100%; min-width: 0; }
.filters .search { grid-column: 1 / -1; }
.match-count { grid-column: 1 / -1; margin: 0; color: var(--muted); }
.domain-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
.events { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr)); gap: 0.75rem; }
.event-card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem 1rem; min-width: 0; }
.event-card h3 { margin: 0 0 0.25rem; font-size: 1rem; font-family: var(--mono); font-weight: 600; }
.event-card p { margin: 0.35rem 0; }
.event-card .meta { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.graph { margin: 0; overflow-x: auto; }
.flow { display: block; max-width: 100%; height: auto; font-family: var(--mono); font-size: 13px; }
.flow-narrow { display: none; }
.flow .node rect { fill: #fff; stroke: #5a6b7d; stroke-width: 1.5; }
.flow .node-event rect { fill: #0b2e4f; stroke: #0b2e4f; }
.flow .node-event text { fill: #fff; }
.flow .node-none rect { stroke-dasharray: 4 3; fill: var(--panel); }
.flow .label { font-weight: 600; fill: var(--text); }
.flow .label-minor { fill: var(--muted); font-size: 12px; }
.flow .node-event .label-minor, .flow .node-event .label { fill: #fff; font-weight: 600; font-size: 13px; }
.flow a:hover rect, .flow a:focus rect { stroke: var(--link); stroke-width: 2.5; }
.flow .edge { fill: none; stroke: #5a6b7d; stroke-width: 1.5; }
.flow .arrow-head { fill: #5a6b7d; }
.flow .flow-heading { font-family: system-ui, sans-serif; font-size: 12px; font-weight: 700; fill: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
@media (max-width: 44rem) {
  .flow-wide { display: none; }
  .flow-narrow { display: block; }
  h1 { font-size: 1.4rem; }
  main { padding: 0.75rem; }
}
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--line); border-radius: 0.4rem; }
.scroll:focus { outline: 2px solid var(--link); }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); white-space: nowrap; }
.fields { min-width: 52rem; }
.fields td:first-child { white-space: nowrap; font-family: var(--mono); }
.fields .values { max-width: 16rem; }
.fields .values code { display: inline-block; margin: 0 0.25rem 0.2rem 0; }
.fields .format { max-width: 11rem; }
.fields .pattern { display: block; color: var(--muted); font-size: 0.8rem; overflow-wrap: anywhere; }
.fields .description { min-width: 15rem; }
.values-list { border: 0; margin: 0; }
.values-list > summary { padding: 0; color: var(--link); white-space: nowrap; }
.values-list[open] > summary { border: 0; margin-bottom: 0.25rem; }
.depth-1 { padding-left: 1.6rem; } .depth-2 { padding-left: 2.8rem; } .depth-3 { padding-left: 4rem; } .depth-4 { padding-left: 5.2rem; }
.depth-5, .depth-6, .depth-7, .depth-8 { padding-left: 6.4rem; }
.change { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0 1rem 0.75rem; margin: 1rem 0; }
.change ul { padding-left: 1.25rem; }
.change .summary { margin: 0.5rem 0; }
.upcast { background: var(--panel); border-radius: 0.4rem; padding: 0.5rem 0.75rem; }
.compact { min-width: 30rem; }
pre { margin: 0; padding: 0.75rem; background: var(--panel); overflow-x: auto; line-height: 1.4; }
details { border: 1px solid var(--line); border-radius: 0.4rem; margin: 0.5rem 0; }
details > summary { cursor: pointer; padding: 0.4rem 0.75rem; overflow-wrap: anywhere; }
details[open] > summary { border-bottom: 1px solid var(--line); }
.template { font-family: var(--mono); font-size: 0.85rem; overflow-wrap: anywhere; }
.sample { margin: 0.25rem 0 0; }
.timeline td { min-width: 12rem; }
footer { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: 0.85rem; }
`;
