/**
 * The limits an article must keep (src/core/defaults.ts `limits`), checked where they are cheap:
 * size and line length on the text before anything is parsed, counts on the parsed article.
 * Each problem is placed where the limit is crossed, so the writer sees what to cut.
 */
import type { Root } from 'mdast';
import type { Article } from '../core/types.js';
import type { Limits } from '../core/defaults.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';

/** The first problem of size, front matter size or line length in `text`, if any (before parsing: linear scans). */
export function checkText(text: string, file: string, limits: Limits): Diagnostic | undefined {
  // Cheap upper bound first: a UTF-8 byte is at most one UTF-16 unit, at most 3 bytes per unit.
  if (text.length * 3 > limits.articleBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limits.articleBytes) return ruleDiagnostic('briefing:article-too-large', file, { bytes, limit: limits.articleBytes });
  }
  // The front matter's size before remark tokenises it: YAML is the costliest part per byte.
  if (text.startsWith('---\n')) {
    const close = text.indexOf('\n---', 3);
    const yaml = text.slice(4, close === -1 ? text.length : close + 1);
    if (yaml.length * 3 > limits.frontMatterBytes) {
      const bytes = Buffer.byteLength(yaml, 'utf8');
      if (bytes > limits.frontMatterBytes) {
        return ruleDiagnostic('briefing:front-matter-limit', file, { problem: 'bytes', bytes, limit: limits.frontMatterBytes }, { line: 2, column: 1 });
      }
    }
  }
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > limits.lineLength) {
      return ruleDiagnostic('briefing:line-too-long', file, { length: end - start, limit: limits.lineLength }, { line, column: limits.lineLength + 1 });
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return undefined;
}

/** The first heading past the `sections` limit, counted on the tree before the article is assembled. */
export function checkSections(tree: Root, file: string, limits: Limits): Diagnostic | undefined {
  const body = tree.children.filter((node) => node.type !== 'yaml');
  // A leading `# Title` is the title, not a section (src/parse/article.ts).
  const first = body[0];
  const headings = body.filter((node) => node.type === 'heading' && node !== (first?.type === 'heading' && first.depth === 1 ? first : undefined));
  const over = headings[limits.sections];
  if (!over) return undefined;
  const start = over.position?.start;
  return ruleDiagnostic(
    'briefing:too-many',
    file,
    { what: 'sections', count: headings.length, limit: limits.sections },
    { line: start?.line ?? 1, column: start?.column ?? 1 },
  );
}

/** Problems with the count of sections (wire copy adds headings after the tree was counted). */
export function checkCounts(article: Article, file: string, limits: Limits): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const section = article.sections[limits.sections];
  if (section) {
    diagnostics.push(
      ruleDiagnostic('briefing:too-many', file, { what: 'sections', count: article.sections.length, limit: limits.sections }, section.heading.place),
    );
  }
  return diagnostics;
}
