/**
 * The catalogue site as files, by path from the site's root: `index.html`,
 * a page per event type under `events/`, and the stylesheet and script
 * under `assets/`. Output is deterministic: the same schemas give the same
 * bytes, so a published site changes only where the catalogue did.
 */
import type { Catalogue } from '../catalogue/model.js';
import { indexCatalogue } from '../schema/catalogue-index.js';
import { eventPage } from './event-page.js';
import { eventView } from './event-view.js';
import { FILTER_SCRIPT } from './filter-script.js';
import { indexPage } from './index-page.js';
import { SCRIPT_FILE, STYLESHEET_FILE } from './layout.js';
import { STYLESHEET } from './stylesheet.js';

export function siteFiles(catalogue: Catalogue): Map<string, string> {
  const documents = indexCatalogue(catalogue).all;
  const views = catalogue.events.map((event) => eventView(event, documents));
  const files = new Map<string, string>([
    ['index.html', indexPage(views)],
    [STYLESHEET_FILE, STYLESHEET],
    [SCRIPT_FILE, FILTER_SCRIPT],
  ]);
  for (const view of views) files.set(view.href, eventPage(view));
  return files;
}
