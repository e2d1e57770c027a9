/**
 * The written site as files: schema text that tries to become markup is
 * shown as text, every link is relative and lands on a file (and an id)
 * that exists, nothing needs a server, and stale event pages go.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogResult, writeCatalog } from '../../src/site/write-catalog.js';
import { type TempRepo, tempRepo } from '../support/temp-repo.js';

const HOSTILE = `<script>alert("owned")</script><img src=x onerror="alert(1)"> & 'quotes'`;
const CHANGED = 'approved-premises.booking.changed';

let repo: TempRepo;
let out: string;
let result: CatalogResult;
const read = (file: string) => readFileSync(join(out, file), 'utf8');
const htmlFiles = () => result.files.filter((f) => f.endsWith('.html'));

beforeAll(() => {
  repo = tempRepo('copy');
  const json = (path: string) => JSON.parse(repo.read(path)) as Record<string, unknown>;
  const metadata = json(`schemas/${CHANGED}/event.json`);
  repo.write(`schemas/${CHANGED}/event.json`, {
    ...metadata,
    title: HOSTILE,
    description: HOSTILE,
    owner: HOSTILE,
    detailUrl: HOSTILE,
    timeline: { '1': `${HOSTILE} {{premises.name}}`, '2': '{{premises.name}}' },
  });
  const schema = json(`schemas/${CHANGED}/detail/v2.schema.json`);
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  properties.bookingId = { ...properties.bookingId, description: HOSTILE };
  repo.write(`schemas/${CHANGED}/detail/v2.schema.json`, schema);
  const example = json(`schemas/${CHANGED}/examples/detail.v1.dates-changed.valid.json`);
  (example.eventDetails as { premises: { name: string } }).premises.name = HOSTILE;
  repo.write(`schemas/${CHANGED}/examples/detail.v1.dates-changed.valid.json`, example);
  out = mkdtempSync(join(tmpdir(), 'catalogue-out-'));
  writeFileSync(join(out, 'keep.txt'), 'not ours');
  result = writeCatalog({ root: repo.root, out, topic: 'hmpps-domain-events' });
});

afterAll(() => {
  repo.remove();
  rmSync(out, { recursive: true, force: true });
});

describe('writeCatalog', () => {
  it('writes the index, a page per event type, the assets and asyncapi.json', () => {
    const pages = readdirSync(join(out, 'events'));
    expect(pages).toHaveLength(result.eventTypes);
    expect(pages).toContain(`${CHANGED}.html`);
    for (const file of ['index.html', 'assets/catalogue.css', 'assets/catalogue.js', 'asyncapi.json']) expect(existsSync(join(out, file)), file).toBe(true);
    expect(JSON.parse(read('asyncapi.json'))).toMatchObject({ asyncapi: '3.0.0' });
    expect(read('keep.txt')).toBe('not ours');
  });

  it('shows hostile schema text as text, never as markup', () => {
    const page = read(`events/${CHANGED}.html`);
    for (const file of htmlFiles()) {
      const html = read(file);
      expect(html, file).not.toContain('<script>alert');
      expect(html, file).not.toContain('<img');
      expect(html, file).not.toContain('onerror="');
      // The only script is the site's own.
      expect(
        [...html.matchAll(/<script\b[^>]*>/gu)].map((m) => m[0]),
        file,
      ).toEqual(file === 'index.html' ? ['<script src="assets/catalogue.js">'] : []);
    }
    const escaped = '&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;';
    // Title (twice), description, owner, detail URL, field description, timeline template and its rendered sample.
    expect(page.split(escaped).length - 1).toBeGreaterThanOrEqual(8);
    // The example's JSON, where the quotes are also escaped for JSON.
    expect(page).toContain('&quot;name&quot;: &quot;&lt;script&gt;alert(\\&quot;owned\\&quot;)&lt;/script&gt;');
    expect(read('index.html')).toContain(escaped);
  });

  it('needs no server: relative links that all land, a classic script, nothing fetched', () => {
    for (const file of htmlFiles()) {
      const html = read(file);
      expect(html, file).not.toMatch(/type="module"|\bimport\(|fetch\(/u);
      for (const [, , link] of html.matchAll(/\s(href|src)="([^"]*)"/gu)) {
        const href = (link as string).replaceAll('&amp;', '&');
        if (/^https?:/u.test(href)) continue;
        expect(href, `${file}: ${href}`).not.toMatch(/^(\/|file:)/u);
        const [path, hash] = href.split('#') as [string, string | undefined];
        const target = path === '' ? file : posix.join(dirname(file), path.split('?')[0] as string);
        expect(existsSync(join(out, target)), `${file} links to ${href}`).toBe(true);
        if (hash) expect(read(target), `${file} links to ${href}`).toContain(`id="${hash}"`);
      }
    }
    const script = read('assets/catalogue.js');
    expect(script).not.toMatch(/\bimport\b|\bexport\b|fetch\(|XMLHttpRequest/u);
  });

  it('is deterministic, and removes the page of an event type that is gone', () => {
    const before = new Map(result.files.map((f) => [f, read(f)]));
    rmSync(join(repo.root, 'schemas/intervention.referral.sent'), { recursive: true });
    const again = writeCatalog({ root: repo.root, out, topic: 'hmpps-domain-events' });
    expect(again.removed).toEqual(['events/intervention.referral.sent.html']);
    expect(existsSync(join(out, 'events/intervention.referral.sent.html'))).toBe(false);
    for (const file of again.files.filter((f) => f.startsWith('events/'))) expect(read(file), file).toBe(before.get(file));
  });

  it('refuses to write over the repository root', () => {
    expect(() => writeCatalog({ root: repo.root, out: '.', topic: 'x' })).toThrow(/--out must name a folder of its own/u);
  });
});
