/**
 * `output/manifest.json`: what the last completed build published. Per output: path (relative to
 * the output folder), article, language, format, sha256, size, input hash, translation coverage,
 * date shown and the time it was built; per edition that could not be published, the problems
 * and the input hash they were found with, so an unchanged broken edition is reported again
 * without being parsed again; per edition, its content hash and content time (content-time.ts)
 * and what its feed entry says. Only files listed here are ever deleted by a build.
 *
 * Serialised with sorted entries and fixed key order: identical builds give identical bytes.
 */
import { realpath } from 'node:fs/promises';
import { InputError, readInput } from '../project/read-file.js';
import path from 'node:path';
import type { Format, Lang } from '../core/types.js';
import { FORMATS, LANGS } from '../core/types.js';
import type { Diagnostic } from '../core/errors.js';
import { ruleDiagnostic } from '../core/errors.js';
import { ruleUrl } from '../core/rules.js';
import type { OutputKind } from '../core/types.js';
import { VISIBILITIES, type Visibility } from '../parse/visibility.js';

export const MANIFEST_FILE = 'manifest.json';
const MANIFEST_VERSION = 1;

export interface OutputEntry {
  /** Relative to the output folder, with `/`: `<slug>/<slug>.<lang>.<ext>`. */
  path: string;
  slug: string;
  lang: Lang;
  format: Format;
  kind: OutputKind;
  /** Title of the edition, plain text. */
  title: string;
  /** Day shown on the briefing (ISO). */
  date: string;
  sha256: string;
  bytes: number;
  inputHash: string;
  /** Share of up-to-date translation units, 0–100 (100 for French, the source). */
  coverage: number;
  /** When this output was built (the build's clock: `SOURCE_DATE_EPOCH` when set). */
  builtAt: string;
  /** Built for preview only, never in the index, feeds or an upload (./visibility.ts); absent when public. */
  visibility?: Visibility;
  /** When an embargoed output becomes public (ISO instant, UTC). */
  embargo?: string;
}

/**
 * An edition that was not published, or published with errors, with why: reported again while its
 * inputs are unchanged.
 */
export interface ProblemEntry {
  slug: string;
  lang: Lang;
  /** Hash of the edition's inputs when the problem was found. */
  inputHash: string;
  /**
   * `failed`: it could not be built; `withheld`: built but under --min-coverage (it awaits
   * translation, ./pending.ts); `invalid`: built and published, with units shown in French because
   * their translation is not valid (its files are kept, its errors reported again).
   */
  reason: 'failed' | 'withheld' | 'invalid';
  /** A withheld edition's coverage (0–100). */
  coverage?: number;
  diagnostics: Diagnostic[];
}

/**
 * What a build remembers of a language edition it built: when its content last changed, and what
 * its feed entry says. Kept while the edition fails or is withheld (it keeps its time).
 */
export interface EditionEntry {
  slug: string;
  lang: Lang;
  /** sha256 of the edition's content (content-time.ts `contentHash`). */
  contentHash: string;
  /** When that content was first built (ISO date-time, the build's clock). */
  changedAt: string;
  /** The lead (or standfirst) as plain text: the feed entry's summary. */
  summary?: string;
  /** Language the summary is in (French while the English lead is not translated). */
  summaryLang?: Lang;
  /** Front matter authors. */
  authors?: string[];
  /** Front matter `date` (YYYY-MM-DD). */
  published?: string;
  /** Front matter `updated` (YYYY-MM-DD): the entry's update time instead of `changedAt`. */
  updated?: string;
}

export interface Manifest {
  version: typeof MANIFEST_VERSION;
  generator: string;
  outputs: OutputEntry[];
  problems: ProblemEntry[];
  /** Absent in manifests written before content times were remembered. */
  editions?: EditionEntry[];
}

export function emptyManifest(generator: string): Manifest {
  return { version: MANIFEST_VERSION, generator, outputs: [], problems: [], editions: [] };
}

/** `slug.lang` → the manifest's edition entry. */
export function editionEntries(manifest: Manifest): Map<string, EditionEntry> {
  return new Map((manifest.editions ?? []).map((entry) => [`${entry.slug}.${entry.lang}`, entry]));
}

/** Bytes of a manifest: entries sorted, keys in declaration order, one trailing newline. */
export function serializeManifest(manifest: Manifest): string {
  const outputs = [...manifest.outputs]
    .sort((a, b) => compare(a.path, b.path))
    .map((o) => ({
      path: o.path,
      slug: o.slug,
      lang: o.lang,
      format: o.format,
      kind: o.kind,
      title: o.title,
      date: o.date,
      sha256: o.sha256,
      bytes: o.bytes,
      inputHash: o.inputHash,
      coverage: o.coverage,
      builtAt: o.builtAt,
      ...(o.visibility !== undefined ? { visibility: o.visibility } : {}),
      ...(o.embargo !== undefined ? { embargo: o.embargo } : {}),
    }));
  const problems = [...manifest.problems]
    .sort((a, b) => compare(`${a.slug}.${a.lang}`, `${b.slug}.${b.lang}`))
    .map((p) => ({
      slug: p.slug,
      lang: p.lang,
      inputHash: p.inputHash,
      reason: p.reason,
      ...(p.coverage !== undefined ? { coverage: p.coverage } : {}),
      diagnostics: p.diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        severity: d.severity,
        message: d.message,
        ruleId: d.ruleId,
        ...(d.note !== undefined ? { note: d.note } : {}),
      })),
    }));
  const editions = [...(manifest.editions ?? [])]
    .sort((a, b) => compare(`${a.slug}.${a.lang}`, `${b.slug}.${b.lang}`))
    .map((e) => ({
      slug: e.slug,
      lang: e.lang,
      contentHash: e.contentHash,
      changedAt: e.changedAt,
      ...(e.summary !== undefined ? { summary: e.summary } : {}),
      ...(e.summaryLang !== undefined ? { summaryLang: e.summaryLang } : {}),
      ...(e.authors?.length ? { authors: e.authors } : {}),
      ...(e.published !== undefined ? { published: e.published } : {}),
      ...(e.updated !== undefined ? { updated: e.updated } : {}),
    }));
  return `${JSON.stringify({ version: manifest.version, generator: manifest.generator, outputs, problems, editions }, null, 2)}\n`;
}

/** Code-point order, independent of the locale (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ReadManifest {
  /** The manifest, or undefined when the file is absent or invalid. */
  manifest?: Manifest;
  /** The file's exact text, to skip rewriting identical bytes. */
  text?: string;
  diagnostics: Diagnostic[];
}

/** Reads `<dir>/manifest.json`. An invalid one is reported and ignored (everything is rebuilt). */
export async function readManifest(file: string, displayName = file): Promise<ReadManifest> {
  return parseManifest(await readManifestText(file, displayName), displayName);
}

/** The manifest's text, unparsed (a build that replays its record only needs its bytes); no text when absent or unreadable. */
export async function readManifestText(file: string, displayName = file): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  try {
    // Read as any input (project/read-file.ts): a FIFO or a folder in its place is refused, not waited on.
    const folder = await realpath(path.dirname(file)).catch(() => path.dirname(file));
    return { text: (await readInput(file, { root: folder, excluded: [] })).toString('utf8'), diagnostics: [] };
  } catch (error) {
    if (error instanceof InputError && error.code === 'ENOENT') return { diagnostics: [] };
    const reason = error instanceof InputError ? error.message.replace(/^[^:]*: /, '') : String(error);
    return { diagnostics: [invalid(displayName, `it cannot be read (${reason})`)] };
  }
}

/** {@link readManifest} of a text {@link readManifestText} gave. */
export function parseManifest(read: { text?: string; diagnostics: Diagnostic[] }, displayName: string): ReadManifest {
  const { text } = read;
  if (text === undefined) return { diagnostics: read.diagnostics };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { text, diagnostics: [invalid(displayName, `it is not valid JSON (${(error as Error).message})`)] };
  }
  const problem = checkManifest(value);
  if (problem) return { text, diagnostics: [invalid(displayName, problem)] };
  const manifest = value as Manifest;
  // The url is derived from the rule id, so the manifest does not store it.
  for (const problem of manifest.problems) for (const d of problem.diagnostics) d.url = ruleUrl(d.ruleId);
  return { manifest, text, diagnostics: [] };
}

function invalid(file: string, why: string): Diagnostic {
  return ruleDiagnostic('briefing:invalid-manifest', file, { reason: why });
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Why `value` is not a manifest this version can use, or undefined. */
function checkManifest(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object';
  if (value.version !== MANIFEST_VERSION) return `its version is ${JSON.stringify(value.version)}, expected ${MANIFEST_VERSION}`;
  if (!Array.isArray(value.outputs) || !Array.isArray(value.problems)) return '"outputs" and "problems" must be arrays';
  for (const [i, o] of value.outputs.entries()) {
    const ok =
      isObject(o) &&
      isString(o.path) &&
      safeRelative(o.path) &&
      isString(o.slug) &&
      LANGS.includes(o.lang as Lang) &&
      FORMATS.includes(o.format as Format) &&
      (o.kind === 'briefing' || o.kind === 'bilingual' || o.kind === 'review') &&
      isString(o.title) &&
      isString(o.date) &&
      isString(o.sha256) &&
      /^[0-9a-f]{64}$/.test(o.sha256) &&
      isCount(o.bytes) &&
      isString(o.inputHash) &&
      isCount(o.coverage) &&
      isString(o.builtAt) &&
      (o.visibility === undefined || VISIBILITIES.includes(o.visibility as Visibility)) &&
      (o.embargo === undefined || isString(o.embargo));
    if (!ok) return `outputs[${i}] is not a valid output entry`;
  }
  for (const [i, p] of value.problems.entries()) {
    const ok =
      isObject(p) &&
      isString(p.slug) &&
      LANGS.includes(p.lang as Lang) &&
      isString(p.inputHash) &&
      (p.reason === 'failed' || p.reason === 'withheld' || p.reason === 'invalid') &&
      (p.coverage === undefined || isCount(p.coverage)) &&
      Array.isArray(p.diagnostics) &&
      p.diagnostics.every(isDiagnostic);
    if (!ok) return `problems[${i}] is not a valid problem entry`;
  }
  if (value.editions !== undefined && !Array.isArray(value.editions)) return '"editions" must be an array';
  for (const [i, e] of ((value.editions as unknown[] | undefined) ?? []).entries()) {
    const ok =
      isObject(e) &&
      isString(e.slug) &&
      LANGS.includes(e.lang as Lang) &&
      isString(e.contentHash) &&
      isString(e.changedAt) &&
      Number.isFinite(Date.parse(e.changedAt)) &&
      (e.summary === undefined || isString(e.summary)) &&
      (e.summaryLang === undefined || LANGS.includes(e.summaryLang as Lang)) &&
      (e.authors === undefined || (Array.isArray(e.authors) && e.authors.every(isString))) &&
      (e.published === undefined || isString(e.published)) &&
      (e.updated === undefined || isString(e.updated));
    if (!ok) return `editions[${i}] is not a valid edition entry`;
  }
  return undefined;
}

function isDiagnostic(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.file) &&
    isCount(value.line) &&
    isCount(value.column) &&
    ['error', 'warning', 'info'].includes(value.severity as string) &&
    isString(value.message) &&
    isString(value.ruleId)
  );
}

/**
 * A manifest path must stay inside the output folder: a tampered manifest must not make a build
 * delete or overwrite anything elsewhere.
 */
export function safeRelative(file: string): boolean {
  // One pass, no array: called three times per recorded output by every build (5 400 calls for 200
  // articles). Refused: empty, a backslash or NUL, and any empty, `.` or `..` segment (an absolute
  // path starts with an empty one).
  return file !== '' && !UNSAFE_PATH.test(file);
}

/** A backslash, a NUL, or a segment that is empty, `.` or `..`. */
const UNSAFE_PATH = /[\\\0]|(?:^|\/)\.{0,2}(?:\/|$)/;

export interface MergeResult {
  manifest: Manifest;
  /** Paths listed twice with different contents. */
  conflicts: string[];
}

/** Joins the manifests of shards: outputs by path (identical duplicates allowed), all problems. */
export function mergeManifests(manifests: readonly Manifest[], generator: string): MergeResult {
  const outputs = new Map<string, OutputEntry>();
  const problems = new Map<string, ProblemEntry>();
  const editions = new Map<string, EditionEntry>();
  const conflicts = new Set<string>();
  for (const manifest of manifests) {
    for (const output of manifest.outputs) {
      const other = outputs.get(output.path);
      if (other && other.sha256 !== output.sha256) conflicts.add(output.path);
      else outputs.set(output.path, output);
    }
    for (const problem of manifest.problems) problems.set(`${problem.slug}.${problem.lang}`, problem);
    for (const [key, entry] of editionEntries(manifest)) editions.set(key, entry);
  }
  return {
    manifest: { version: MANIFEST_VERSION, generator, outputs: [...outputs.values()], problems: [...problems.values()], editions: [...editions.values()] },
    conflicts: [...conflicts].sort(compare),
  };
}
