/**
 * Strings that match a `pattern`, for the value generator. It reads the part
 * of ECMA-262 regular expressions that contract patterns use: literals, `.`,
 * classes (`[a-z0-9_]`, `[^/]`, `\d`, `\w`, `\s`, `\S`), groups (`(…)`,
 * `(?:…)`), alternation and quantifiers (`?`, `*`, `+`, `{n}`, `{n,}`,
 * `{n,m}`), and anchors. Anything else (lookarounds, back-references,
 * Unicode properties) is not read: {@link patternSampler} returns undefined,
 * and the caller tries other strings.
 */

/** A source of randomness in [0, 1). */
export type Random = () => number;

type Node =
  | { readonly kind: 'chars'; readonly chars: string }
  | { readonly kind: 'sequence'; readonly items: readonly Node[] }
  | { readonly kind: 'choice'; readonly options: readonly Node[] }
  | { readonly kind: 'repeat'; readonly node: Node; readonly min: number; readonly max: number };

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const DIGITS = '0123456789';
const WORD = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz${DIGITS}_`;
const SPACE = ' \t';
const NOT_SPACE = PRINTABLE.replace(' ', '');
const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: DIGITS, w: WORD, s: SPACE, S: NOT_SPACE };
/** How many repetitions an open quantifier (`*`, `+`, `{n,}`) adds at most. */
const OPEN_EXTRA = 3;

/** A function that makes strings matching `pattern`, or undefined when the pattern uses what this module does not read. */
export function patternSampler(pattern: string): ((random: Random) => string) | undefined {
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return undefined;
  }
  return (random) => generate(tree, random);
}

function generate(node: Node, random: Random): string {
  switch (node.kind) {
    case 'chars':
      return node.chars.charAt(Math.floor(random() * node.chars.length));
    case 'sequence':
      return node.items.map((item) => generate(item, random)).join('');
    case 'choice':
      return generate(node.options[Math.floor(random() * node.options.length)] as Node, random);
    case 'repeat': {
      const times = node.min + Math.floor(random() * (node.max - node.min + 1));
      let out = '';
      for (let i = 0; i < times; i++) out += generate(node.node, random);
      return out;
    }
  }
}

class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.choice();
    if (this.at !== this.source.length) throw new Error('unread pattern');
    return node;
  }

  private peek = () => this.source.charAt(this.at);

  private choice(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'choice', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      if (atom) items.push(this.quantified(atom));
    }
    return { kind: 'sequence', items };
  }

  /** One atom; undefined for an anchor, which matches no character. */
  private atom(): Node | undefined {
    const c = this.source.charAt(this.at++);
    if (c === '^' || c === '$') return undefined;
    if (c === '.') return { kind: 'chars', chars: PRINTABLE };
    if (c === '[') return { kind: 'chars', chars: this.characterClass() };
    if (c === '(') {
      if (this.source.startsWith('?:', this.at)) this.at += 2;
      else if (this.peek() === '?') throw new Error('lookarounds and named groups are not read');
      const inner = this.choice();
      if (this.source.charAt(this.at++) !== ')') throw new Error('unclosed group');
      return inner;
    }
    if (c === '\\') return { kind: 'chars', chars: this.escape(false) };
    if ('*+?{'.includes(c)) throw new Error('nothing to repeat');
    return { kind: 'chars', chars: c };
  }

  private quantified(atom: Node): Node {
    const c = this.peek();
    let range: [number, number] | undefined;
    if (c === '?') range = [0, 1];
    else if (c === '*') range = [0, OPEN_EXTRA];
    else if (c === '+') range = [1, 1 + OPEN_EXTRA];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/u.exec(this.source.slice(this.at));
      if (!match) throw new Error('not a quantifier');
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] === '' ? min + OPEN_EXTRA : Number(match[3]);
      this.at += match[0].length - 1;
      range = [min, max];
    }
    if (!range) return atom;
    this.at++;
    if (this.peek() === '?') this.at++; // lazy: the same strings
    return { kind: 'repeat', node: atom, min: range[0], max: range[1] };
  }

  /** The characters of `[…]`, the opening bracket read. */
  private characterClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    let chars = '';
    while (this.peek() !== ']') {
      if (this.at >= this.source.length) throw new Error('unclosed class');
      let c = this.source.charAt(this.at++);
      if (c === '\\') {
        const escaped = this.escape(true);
        if (escaped.length > 1) {
          chars += escaped;
          continue;
        }
        c = escaped;
      }
      if (this.peek() === '-' && this.source.charAt(this.at + 1) !== ']' && this.at + 1 < this.source.length) {
        this.at++;
        let end = this.source.charAt(this.at++);
        if (end === '\\') end = this.escape(true);
        for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars += String.fromCharCode(code);
      } else chars += c;
    }
    this.at++;
    if (negated) chars = [...PRINTABLE].filter((ch) => !chars.includes(ch)).join('');
    if (chars === '') throw new Error('empty class');
    return chars;
  }

  /** The characters an escape stands for, the backslash read. */
  private escape(inClass: boolean): string {
    const c = this.source.charAt(this.at++);
    if (Object.hasOwn(CLASS_ESCAPES, c)) return CLASS_ESCAPES[c] as string;
    if (c === 'D' || c === 'W') return [...PRINTABLE].filter((ch) => !(c === 'D' ? DIGITS : WORD).includes(ch)).join('');
    if (c === 't') return '\t';
    if (c === 'n') return '\n';
    if (/^[\\/^$.|?*+()[\]{}-]$/u.test(c) || (inClass && c === ']')) return c;
    throw new Error(`the escape \\${c} is not read`);
  }
}
