/**
 * The translators' review page of a translated edition, rendered in memory. Shared by `build`
 * (which writes it) and `serve` (which renders it on demand).
 */
import { toString as plainText } from 'mdast-util-to-string';
import type { Article } from '../core/types.js';
import { parseMarkdown } from '../core/markdown.js';
import { COMMON_NS, type createI18n } from '../i18n/instance.js';
import { renderReview } from '../render/review/index.js';
import type { ArticleStatus } from '../translate/types.js';
import type { Glossary } from '../i18n/glossary.js';

/** The review page of a translated edition, or the error that prevented it. */
export function renderReviewPage(
  article: Article,
  status: ArticleStatus,
  i18n: ReturnType<typeof createI18n>,
  templatesDir: string,
  warnings?: ReadonlyMap<string, string[]>,
  glossary?: Glossary,
  invalid?: ReadonlySet<string>,
): { html: string; ms: number } | Error {
  const start = performance.now();
  try {
    const fixedT = i18n.getFixedT(status.lang, COMMON_NS);
    const title = plainText(parseMarkdown(article.title.markdown));
    const html = renderReview(status, {
      title,
      t: (key, vars) => String(fixedT(key, vars ?? {})),
      templatesDir,
      ...(warnings ? { warnings } : {}),
      ...(glossary ? { glossary } : {}),
      ...(invalid ? { invalid } : {}),
    });
    return { html, ms: performance.now() - start };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
