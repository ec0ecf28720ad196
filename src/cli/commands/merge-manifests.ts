/**
 * `briefing merge-manifests A B … [--out DIR]`: after a sharded build (`build --shard K/N` on N
 * machines) and the shards' output folders copied into one, joins their manifests into
 * `<out>/manifest.json` and writes the index page and feeds for the whole corpus. Refuses —
 * writing nothing — when two shards disagree on a file or a listed file is missing or differs
 * from what its manifest says, so a broken merge is never published.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ruleDiagnostic, EXIT, hasErrors, UsageError, type Diagnostic } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { fileMatches } from '../../publish/build.js';
import { DEFAULTS } from '../../core/defaults.js';
import { publishCatalogue, writeIfChanged } from '../../publish/publish-catalogue.js';
import { MANIFEST_FILE, mergeManifests, readManifest, serializeManifest, type Manifest } from '../../publish/manifest.js';
import { toolVersion } from '../../core/version.js';
import { acquireLock } from '../../publish/lock.js';
import type { Settings } from '../options.js';
import type { Output } from '../output.js';
import { formatDiagnostics } from '../../core/report.js';

export async function mergeManifestsCommand(settings: Settings, out: Output): Promise<number> {
  if (settings.slugs.length === 0)
    throw new UsageError(
      'Name the manifests to merge: briefing merge-manifests shard-1/manifest.json shard-2/ … [--out DIR] (a folder means its manifest.json).',
    );
  const paths = projectPaths(settings.root, settings.out);
  const diagnostics: Diagnostic[] = [];
  const manifests: Manifest[] = [];
  for (const arg of settings.slugs) {
    const given = path.resolve(arg);
    const file = (await stat(given).catch(() => undefined))?.isDirectory() ? path.join(given, MANIFEST_FILE) : given;
    const display = path.relative(process.cwd(), file) || file;
    const read = await readManifest(file, display);
    if (read.manifest) manifests.push(read.manifest);
    else if (read.text === undefined) diagnostics.push(ruleDiagnostic('briefing:missing-manifest', display, {}));
    else diagnostics.push(...read.diagnostics.map((d) => ({ ...d, severity: 'error' as const })));
  }
  const lock = await acquireLock(paths.output, { waitMs: settings.wait * 1000 });
  try {
    const { manifest, conflicts } = mergeManifests(manifests, `briefing ${toolVersion()}`);
    for (const file of conflicts) diagnostics.push(ruleDiagnostic('briefing:merge-conflict', file, {}));
    for (const entry of manifest.outputs) {
      if (!fileMatches(path.join(paths.output, entry.path), entry)) {
        diagnostics.push(
          ruleDiagnostic('briefing:merge-missing-output', path.relative(process.cwd(), path.join(paths.output, entry.path)), {
            output: path.relative(process.cwd(), paths.output) || '.',
          }),
        );
      }
    }
    if (diagnostics.length > 0) {
      out.stderr(formatDiagnostics(diagnostics));
      out.stderr(`Nothing written: ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} merging ${settings.slugs.length} manifests.`);
      if (settings.json) out.stdout(JSON.stringify({ exitCode: EXIT.content, diagnostics }, null, 2));
      return EXIT.content;
    }
    const catalogue = await publishCatalogue(paths, manifest, DEFAULTS.minCoverage, {
      ...(settings.baseUrl !== undefined ? { baseUrl: settings.baseUrl } : {}),
    });
    const manifestFile = path.join(paths.output, MANIFEST_FILE);
    const wroteManifest = await writeIfChanged(manifestFile, serializeManifest(manifest));
    const written = [...catalogue.written.map((w) => w.path), ...(wroteManifest ? [path.relative(process.cwd(), manifestFile) || manifestFile] : [])];
    const code = hasErrors(catalogue.diagnostics) ? EXIT.content : EXIT.ok;
    if (catalogue.diagnostics.length > 0) out.stderr(formatDiagnostics(catalogue.diagnostics));
    if (settings.json)
      out.stdout(
        JSON.stringify(
          {
            exitCode: code,
            manifests: manifests.length,
            outputs: manifest.outputs.length,
            problems: manifest.problems.length,
            written,
            diagnostics: catalogue.diagnostics,
          },
          null,
          2,
        ),
      );
    else
      out.stdout(
        `${manifests.length} manifests merged: ${manifest.outputs.length} outputs, ${manifest.problems.length} unpublished editions; written: ${written.join(', ') || 'nothing (unchanged)'}`,
      );
    return code;
  } finally {
    await lock.release();
  }
}
