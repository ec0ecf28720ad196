/**
 * `briefing suggest <slug>…`: candidate key figures and sources found in an article's text
 * (facts/suggestions.ts), printed as front matter to review and paste (`figures:`, `sources:`),
 * each with the line it comes from as a comment; `--json` prints them with their sentence. Reads
 * only; nothing suggested reaches a briefing until a person puts it in the front matter.
 */
import { Document, isMap, isSeq } from 'yaml';
import { EXIT, hasErrors, UsageError } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { formatDiagnostics } from '../../core/report.js';
import { suggest, type Suggestions } from '../../facts/suggestions.js';
import { loadArticles } from '../../translate/project.js';
import type { Settings } from '../options.js';
import type { Output } from '../output.js';
import { keyFigureCap } from '../../render/pdf/theme.js';

export async function suggestCommand(settings: Settings, out: Output): Promise<number> {
  if (settings.slugs.length === 0) throw new UsageError('Name the article to read, e.g. briefing suggest budget-2025 (its file is content/budget-2025.md).');
  const paths = projectPaths(settings.root);
  const { articles, diagnostics } = await loadArticles(paths, settings.slugs, { keyFigures: keyFigureCap(paths.templates) });
  const results = articles.map((article) => ({ slug: article.slug, file: article.path, ...suggest(article) }));
  if (settings.json) out.stdout(JSON.stringify(results, null, 2));
  else for (const result of results) out.stdout(frontMatterYaml(result.slug, result.file, result));
  // Only what stops an article from being read: its other warnings are `briefing check`'s business.
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) out.stderr(formatDiagnostics(errors));
  return hasErrors(diagnostics) ? EXIT.content : EXIT.ok;
}

/** One line of untrusted text for a YAML comment: no line break can end the comment. */
function commentLine(text: string, max = 160): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The suggestions as front matter: `figures:` items `{ value, label }` and `sources:` names, each
 * under a comment giving its line and sentence. The `yaml` package writes every value (quoted
 * when needed), so no text of the article can add a key or end the document.
 */
export function frontMatterYaml(slug: string, file: string, suggestions: Suggestions): string {
  const doc = new Document({
    figures: suggestions.figures.map((figure) => ({ value: figure.value, label: figure.label })),
    sources: suggestions.sources.map((source) => source.name),
  });
  doc.commentBefore = ` ${commentLine(
    `briefing suggest ${slug} (${file}): candidates found in the text. Keep only what is right, then paste into the front matter.`,
    400,
  )}`;
  const figures = doc.get('figures');
  if (isSeq(figures))
    figures.items.forEach((item, i) => {
      const figure = suggestions.figures[i]!;
      (item as { commentBefore?: string }).commentBefore = ` line ${figure.line}: ${commentLine(figure.sentence)}`;
      const value = isMap(item) ? item.get('value', true) : undefined;
      if (isMap(value)) value.flow = true; // { amount: 10000, currency: EUR }
    });
  const sources = doc.get('sources');
  if (isSeq(sources))
    sources.items.forEach((item, i) => {
      const source = suggestions.sources[i]!;
      (item as { commentBefore?: string }).commentBefore = ` line ${source.line}: ${commentLine(source.sentence)}`;
    });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
