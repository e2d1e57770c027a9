/** The site's HTML templates: text is escaped, fragments nest, nothing else is written. */
import { describe, expect, it } from 'vitest';
import { type Content, escapeHtml, html, render, trusted } from '../../src/site/html.js';

describe('html', () => {
  it.each<[string, { given: Content; want: string }]>([
    ['text is escaped', { given: html`<p>${'<script>alert("x")</script>'}</p>`, want: '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>' }],
    ['in an attribute too', { given: html`<a title="${`" onmouseover='x'`}">`, want: '<a title="&quot; onmouseover=&#39;x&#39;">' }],
    ['an ampersand once, not twice', { given: html`${'a &amp; b'}`, want: 'a &amp;amp; b' }],
    ['fragments nest without escaping again', { given: html`<ul>${html`<li>${'<b>'}</li>`}</ul>`, want: '<ul><li>&lt;b&gt;</li></ul>' }],
    ['lists are joined', { given: html`${['<a>', html`<b/>`, 3]}`, want: '&lt;a&gt;<b/>3' }],
    ['null, undefined and false write nothing', { given: html`[${null}${undefined}${false}]`, want: '[]' }],
    ['trusted markup passes through', { given: html`${trusted('<wbr>')}`, want: '<wbr>' }],
    ['a plain object is not markup', { given: ['x'], want: 'x' }],
  ])('%s', (_name, { given, want }) => {
    expect(render(given)).toBe(want);
  });

  it('escapes the five characters that matter and nothing else', () => {
    expect(escapeHtml(`&<>"' plain é ✓`)).toBe('&amp;&lt;&gt;&quot;&#39; plain é ✓');
  });
});
