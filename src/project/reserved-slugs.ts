/**
 * Article names the output folder keeps for itself. An article's files go to `<output>/<slug>/`,
 * beside the index page, the feeds, the manifest and the lock: an article named `index.html.md`
 * would make a folder where `index.html` must be written, and break every later build. Any name
 * whose first dot-separated part is one of these stems is refused (`index`, `feed.fr.xml`,
 * `manifest.json`…), so the files the output folder may gain later are covered too.
 */
const RESERVED_STEMS: Readonly<Record<string, string>> = {
  index: 'index page (index.html)',
  manifest: 'build manifest (manifest.json)',
  feed: 'feeds (feed.<lang>.xml)',
};

/** What the output folder keeps under the name `slug`, or undefined when the slug is free. */
export function reservedSlug(slug: string): string | undefined {
  const stem = slug.split('.')[0]!.toLowerCase();
  return Object.hasOwn(RESERVED_STEMS, stem) ? RESERVED_STEMS[stem] : undefined;
}
