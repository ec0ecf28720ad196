/**
 * An embargo's passing is an input of the build: the same article bytes give a marked preview
 * before the instant and a published edition after it, so an incremental build must not skip it
 * as unchanged. Read without parsing the article (input hashes are computed from bytes only):
 * only the front matter block is read as YAML, and only when the text mentions `embargo`. The
 * YAML parser is loaded then only: a no-op build of articles without an embargo never loads it.
 */
import { readEmbargo } from '../parse/publication-values.js';
import { embargoRunning, visibilityOf } from '../parse/visibility.js';

/**
 * `embargo=running` or `embargo=lifted` for an article with a valid `embargo:` at `nowMs`;
 * undefined without one (so the hashes of other articles stay as they were). A wrong value is
 * left to the renderer, which reports it at its place.
 */
export async function embargoInput(text: string, nowMs: number): Promise<string | undefined> {
  return embargoState(await embargoValue(text), nowMs);
}

/** The instant of the article's valid `embargo:` (ISO 8601), a function of its bytes alone: what a no-op build remembers. */
export async function embargoValue(text: string): Promise<string | undefined> {
  if (!text.includes('embargo')) return undefined;
  const embargo = await frontMatterField(text, 'embargo');
  if (embargo === undefined) return undefined;
  const read = readEmbargo(embargo);
  return 'value' in read ? read.value : undefined;
}

/** What {@link embargoInput} gives for the instant {@link embargoValue} found. */
export function embargoState(embargo: string | undefined, nowMs: number): string | undefined {
  return embargo === undefined ? undefined : `embargo=${embargoRunning(embargo, nowMs) ? 'running' : 'lifted'}`;
}

/**
 * Whether the article in `text` is a draft or under embargo at `nowMs` (as ../parse/visibility.ts
 * decides), from its front matter alone: what `briefing status` lists. Undefined when public.
 */
export async function previewOnly(text: string, nowMs: number): Promise<ReturnType<typeof visibilityOf>> {
  const status = await frontMatterField(text, 'status');
  const embargo = readEmbargo(await frontMatterField(text, 'embargo'));
  return visibilityOf({ ...(typeof status === 'string' ? { status } : {}), ...('value' in embargo ? { embargo: embargo.value } : {}) }, nowMs);
}

/** One top-level field of the front matter; undefined when absent or unreadable (the renderer reports that). */
async function frontMatterField(text: string, field: string): Promise<unknown> {
  const block = frontMatterBlock(text);
  if (block === undefined) return undefined;
  const { parse } = await import('yaml');
  let value: unknown;
  try {
    value = parse(block, { maxAliasCount: 0 }) as unknown;
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, field)) return undefined;
  return (value as Record<string, unknown>)[field];
}

/** The YAML between an opening `---` line and the next `---` (or `...`) line, as the parser reads front matter. */
function frontMatterBlock(text: string): string | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line === '---' || line === '...') return lines.slice(1, i).join('\n');
  }
  return undefined;
}
