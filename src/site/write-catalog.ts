/**
 * `domain-events catalog`: writes the catalogue site and `asyncapi.json`
 * into one folder, from the schemas under a repository root.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { asyncApiDocument } from '../asyncapi/document.js';
import { jsonText } from '../catalogue/json-file.js';
import { loadValidCatalogue } from '../catalogue/load.js';
import { readPackageInfo } from '../catalogue/package-json.js';
import { UsageError } from '../errors.js';
import { siteFiles } from './build-site.js';
import { ASYNCAPI_FILE } from './layout.js';

export interface CatalogOptions {
  /** The repository root, which holds `schemas/` and `package.json`. */
  readonly root: string;
  /** The folder to write to, absolute or relative to `root`. */
  readonly out: string;
  /** The SNS topic's name, the AsyncAPI channel's address. */
  readonly topic: string;
}

export interface CatalogResult {
  /** The folder written to, absolute. */
  readonly out: string;
  /** Paths written, relative to `out`, sorted. */
  readonly files: readonly string[];
  /** Stale event pages removed, relative to `out`. */
  readonly removed: readonly string[];
  readonly eventTypes: number;
  /** AsyncAPI messages: one per version of each event type. */
  readonly messages: number;
}

/**
 * Builds and writes the site and the AsyncAPI document. Files already in
 * `out` are overwritten; event pages of event types that no longer exist
 * are removed, and nothing else is.
 *
 * @throws ConfigError when the catalogue has problems or package.json has no version.
 * @throws UsageError when `out` is the repository root itself.
 */
export function writeCatalog(options: CatalogOptions): CatalogResult {
  const out = resolve(options.root, options.out);
  if (relative(resolve(options.root), out) === '') throw new UsageError('--out must name a folder of its own, not the repository root');
  const catalogue = loadValidCatalogue(options.root);
  const { version } = readPackageInfo(options.root);
  const files = siteFiles(catalogue);
  const document = asyncApiDocument(catalogue, { topic: options.topic, version });
  files.set(ASYNCAPI_FILE, jsonText(document));

  const removed = staleEventPages(out, files);
  for (const file of removed) rmSync(join(out, file));
  for (const [file, content] of files) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), content);
  }
  return {
    out,
    files: [...files.keys()].sort(),
    removed,
    eventTypes: catalogue.events.length,
    messages: catalogue.events.reduce((n, e) => n + (e.notification?.versions.length ?? 0), 0),
  };
}

/** Event pages already in `out/events/` that this build does not write. */
function staleEventPages(out: string, files: ReadonlyMap<string, string>): string[] {
  const dir = join(out, 'events');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => `events/${name}`)
    .filter((file) => !files.has(file))
    .sort();
}
