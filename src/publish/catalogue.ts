/** The published editions as the index page and the feeds list them, read from the manifest. */
import type { Lang } from '../core/types.js';
import type { Manifest, OutputEntry } from './manifest.js';

export const INDEX_FILE = 'index.html';
export const feedFile = (lang: Lang): string => `feed.${lang}.xml`;

/** Groups a manifest's outputs into editions (slug × language), newest date first, then by title. */
export function editionsOf(manifest: Manifest, lang: Lang): { slug: string; title: string; date: string; coverage: number; outputs: OutputEntry[] }[] {
  const bySlug = new Map<string, OutputEntry[]>();
  for (const output of manifest.outputs) {
    if (output.lang !== lang) continue;
    bySlug.set(output.slug, [...(bySlug.get(output.slug) ?? []), output]);
  }
  return [...bySlug.entries()]
    .filter(([, outputs]) => outputs.some((o) => o.kind === 'briefing'))
    .map(([slug, outputs]) => {
      const main = outputs.find((o) => o.kind === 'briefing')!;
      return { slug, title: main.title, date: main.date, coverage: main.coverage, outputs };
    })
    .sort((a, b) => (a.date === b.date ? (a.slug < b.slug ? -1 : 1) : a.date < b.date ? 1 : -1));
}

/** A manifest path as a relative URL (each segment percent-encoded). */
export function hrefOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

