/**
 * Everything one language edition of one article needs before it can be rendered: the i18next
 * resources (common strings + the article's translation), the translation status of a translated
 * edition, and the problems found reading them. Shared by `build` and anything else that renders
 * an edition on demand.
 */
import type { Article, Lang } from '../core/types.js';
import { SOURCE_LANG } from '../core/types.js';
import { hasErrors, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { createI18n, COMMON_NS } from '../i18n/instance.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { readTranslationInputs } from '../translate/files.js';
import { articleStatus } from '../translate/status.js';
import { validateTranslations } from '../translate/validate-unit.js';
import { segmentsOf } from '../i18n/extract.js';
import type { ArticleStatus, KeyStatus } from '../translate/types.js';
import { qaWarnings } from '../translate/qa/index.js';

export interface PreparedEdition {
  lang: Lang;
  i18n: ReturnType<typeof createI18n>;
  /** Translation status (translated editions only). */
  status?: ArticleStatus;
  /** Status per key, for localize: stale units are shown in French. */
  statuses?: ReadonlyMap<string, KeyStatus>;
  /** The open QA warnings per key (src/translate/qa), for the review page. */
  qaWarnings?: ReadonlyMap<string, string[]>;
  diagnostics: Diagnostic[];
  /** The translation read (translated editions only): where its values are, for placed warnings. */
  translation?: LocaleFile;
  /** Keys whose translation is not valid (../translate/validate-unit.ts): shown in French. */
  invalid?: ReadonlySet<string>;
  /**
   * False when an input has an error (invalid JSON, forbidden key…): the edition cannot be built.
   * An invalid translation is an error too, but of its unit only: the edition is built around it.
   */
  ok: boolean;
}

/**
 * What the build does with a prepared edition beyond deciding whether it is published (its
 * status's coverage): render it (its translations are validated, their problems reported) and
 * write its review page (its QA warnings). An edition of another language than those asked for
 * (`--lang fr`) needs neither: its validation and QA would be computed and thrown away.
 */
export interface EditionNeeds {
  render: boolean;
  review: boolean;
}

/** Reads the translation of `article` into `lang` (nothing for French) and sets up i18next. */
export async function prepareEdition(
  paths: ProjectPaths,
  article: Article,
  lang: Lang,
  common: LocaleFile,
  needs: EditionNeeds = { render: true, review: true },
): Promise<PreparedEdition> {
  const diagnostics: Diagnostic[] = [];
  let namespaces: Record<string, LocaleFile['resources']> = { [COMMON_NS]: common.resources };
  let status: ArticleStatus | undefined;
  let translation: LocaleFile | undefined;
  let warnings: ReadonlyMap<string, string[]> | undefined;
  const validationErrors: Diagnostic[] = [];
  let invalid: ReadonlySet<string> | undefined;
  if (lang !== SOURCE_LANG) {
    const inputs = await readTranslationInputs(paths, lang, article.slug);
    diagnostics.push(...inputs.diagnostics);
    status = articleStatus(article, lang, inputs.target, inputs.state).status;
    if (needs.review) warnings = qaWarnings(status, inputs.state);
    // The validation `check` runs: a unit whose translation has an error is shown in French
    // (marked, reported at its locale line), and the rest of the edition is built.
    // The review page marks invalid units too.
    if (needs.render || needs.review) {
      const used = new Set(status.units.filter((unit) => unit.status === 'ok').map((unit) => unit.key));
      const validation = validateTranslations({
        file: inputs.target.file,
        lang,
        entries: inputs.target.entries,
        text: inputs.target.text,
        units: segmentsOf(article).filter((unit) => used.has(unit.key)),
      });
      validationErrors.push(...validation.diagnostics);
      invalid = validation.invalid;
    }
    namespaces = { ...namespaces, [article.slug]: inputs.target.resources };
    translation = inputs.target;
  }
  const ok = !hasErrors(diagnostics) && !hasErrors(common.diagnostics);
  return {
    lang,
    i18n: createI18n(lang, namespaces),
    ...(status ? { status, statuses: new Map(status.units.map((unit) => [unit.key, unit.status])) } : {}),
    ...(warnings ? { qaWarnings: warnings } : {}),
    diagnostics: [...diagnostics, ...validationErrors],
    ...(translation ? { translation } : {}),
    ...(invalid && invalid.size > 0 ? { invalid } : {}),
    ok,
  };
}
