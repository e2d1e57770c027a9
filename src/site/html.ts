/**
 * HTML built by tagged templates that escape every value by default, so text
 * from the schemas (descriptions, titles, examples) can never become markup:
 * `html\`<p>${description}</p>\`` writes `&lt;script&gt;` for `<script>`.
 * Markup built by `html` itself passes through unescaped, so fragments nest.
 */

/** A fragment of HTML that is already safe to write as it is. */
export interface Html {
  readonly html: string;
}

/** What a template may hold: text (escaped), fragments, lists of either; `null`, `undefined` and `false` write nothing. */
export type Content = Html | string | number | null | undefined | false | readonly Content[];

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ESCAPES[c] as string);
}

/** Markup from trusted code, written as it is. Never pass it text from a schema or an example. */
export function trusted(markup: string): Html {
  return { html: markup };
}

/** The tagged template: `html\`<li>${name}</li>\``. */
export function html(strings: TemplateStringsArray, ...values: readonly Content[]): Html {
  let out = strings[0] as string;
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] as string);
  });
  return { html: out };
}

/** Content as HTML text. */
export function render(content: Content): string {
  if (content === null || content === undefined || content === false) return '';
  if (typeof content === 'string') return escapeHtml(content);
  if (typeof content === 'number') return String(content);
  if (isHtml(content)) return content.html;
  return (content as readonly Content[]).map(render).join('');
}

function isHtml(content: Content): content is Html {
  return typeof content === 'object' && content !== null && !Array.isArray(content) && typeof (content as Html).html === 'string';
}
