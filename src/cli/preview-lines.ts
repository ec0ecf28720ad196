/** `briefing status`: which articles are drafts, and when each embargo lifts (the build's clock). */
import { buildTime } from '../core/clock.js';
import type { ProjectPaths } from '../core/paths.js';
import { listSources } from '../project/sources.js';
import { readInput } from '../project/read-file.js';
import { previewOnly } from '../publish/embargo-input.js';

/** `draft: <slug> (built for preview, never published)`, `embargoed: <slug> until <instant> …`, one per article. */
export async function previewLines(paths: ProjectPaths, slugs: readonly string[] | undefined): Promise<string[]> {
  const nowMs = buildTime().getTime();
  const lines: string[] = [];
  for (const source of await listSources(paths, slugs)) {
    const text = await readInput(source.absolute, source.bounds).then(
      (bytes) => bytes.toString('utf8'),
      () => undefined,
    );
    const hidden = text === undefined ? undefined : await previewOnly(text, nowMs);
    if (hidden?.visibility === 'draft') lines.push(`draft: ${source.slug} (built for preview, not published: remove "status: draft" to publish)`);
    else if (hidden?.embargo) lines.push(`embargoed: ${source.slug} until ${hidden.embargo} (published by the first build after that)`);
  }
  return lines;
}
