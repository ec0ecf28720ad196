/**
 * The workbench's API: `GET /api/translate/<slug>?lang=en` (the units, their status and problems,
 * and the locale file's version), `POST …/check` (the problems of a value being typed, nothing
 * written) and `POST …/save` (one unit written). Slug, language and key are names looked up among
 * the project's articles, its languages and the article's units — never a path or an object key —
 * so only `locales/<lang>/<slug>.json` and its state file can be written.
 *
 * Saves never lose work: the page sends the version (sha256 of the file's bytes) it last saw. The
 * service remembers the texts of the versions it handed out; when the file changed since, the save
 * goes on top if that change left this key alone (`merged`), and is refused (409, both values)
 * if it touched it. Saves of one file run one at a time.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { sha256 } from '../core/hash.js';
import { hasErrors } from '../core/errors.js';
import { formatDiagnostic } from '../core/report.js';
import { LANGS, SOURCE_LANG, type Article, type Lang, type Segment } from '../core/types.js';
import { segmentsOf } from '../i18n/extract.js';
import type { Glossary } from '../i18n/glossary.js';
import { readLocaleFile } from '../i18n/locale-file.js';
import { readGlossary } from '../project/glossary.js';
import { readTranslationInputs, type TranslationInputs } from '../translate/files.js';
import { parseArticleReused } from '../parse/reused.js';
import { readSource } from '../project/sources.js';
import { localeValues, stateAfterSave, withUnitValue } from '../translate/save-unit.js';
import { serializeState } from '../translate/state.js';
import { unitProblems, workbenchView, type WorkbenchInput, type WorkbenchUnit } from '../translate/workbench.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { keyFigureCap } from '../render/pdf/theme.js';
import type { Renderer } from './renderer.js';
import { reply } from './respond.js';
import { readJsonBody, refuseWrite, type GuardSettings, type WriteRefusal } from './write-guard.js';

/** A translation as loaded for one request. */
interface Loaded {
  article: Article;
  lang: Lang;
  inputs: TranslationInputs;
  glossary: Glossary;
  /** sha256 (hex) of the locale file's bytes, "" when it does not exist. */
  version: string;
  units: Map<string, Segment>;
}

type Outcome = { status: number; body: object; headers?: Record<string, string> };

const refusal = (r: WriteRefusal): Outcome => ({ status: r.status, body: { error: r.error }, ...(r.headers ? { headers: r.headers } : {}) });
const notFound = (error: string): Outcome => ({ status: 404, body: { error } });
const unknownLang = (name: string | undefined) =>
  notFound(`No translation language "${name}": use one of ${LANGS.filter((l) => l !== SOURCE_LANG).join(', ')}.`);

export class TranslateApi {
  /** Locale file texts by `file\0version`, for merging a save onto a file changed since. */
  private readonly snapshots: LRUCache<string, string>;
  /** The save under way on each file: the next one waits for it. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly renderer: Renderer,
    private readonly guard: GuardSettings,
    snapshots: number,
    /** Told once a save is on disk: the live preview renders it now rather than wait for the watcher. */
    private readonly onSaved: () => void = () => {},
  ) {
    this.snapshots = new LRUCache({ max: snapshots });
  }

  /** `GET /api/translate/<slug>?lang=…` */
  async serveData(req: IncomingMessage, res: ServerResponse, slug: string, lang: string | undefined): Promise<void> {
    const loaded = await this.load(slug, lang);
    if (!('article' in loaded)) return send(req, res, loaded);
    const view = workbenchView(this.workbenchInput(loaded));
    send(req, res, {
      status: 200,
      body: {
        slug: loaded.article.slug,
        lang: loaded.lang,
        title: loaded.article.title.markdown,
        file: loaded.inputs.target.file,
        version: loaded.version,
        readOnly: this.guard.readOnly || this.guard.token === undefined,
        ...view,
      },
    });
  }

  /** `POST /api/translate/<slug>/check|save?lang=…`, every other method refused. */
  async serveWrite(req: IncomingMessage, res: ServerResponse, slug: string, lang: string | undefined, action: 'check' | 'save'): Promise<void> {
    const refused = refuseWrite(req, this.guard);
    if (refused) return send(req, res, refusal(refused));
    const body = await readJsonBody(req, this.guard.maxBodyBytes);
    if (!body.ok) return send(req, res, refusal(body.refusal));
    const request = unitRequest(body.value, action);
    if (typeof request === 'string') return send(req, res, { status: 400, body: { error: request } });
    const file = await this.targetOf(slug, lang);
    if (typeof file !== 'string') return send(req, res, file);
    // One save (or check) of a file at a time, in the order they came.
    const previous = this.queues.get(file) ?? Promise.resolve();
    const run = previous.then(() => (action === 'check' ? this.check(slug, lang, request) : this.save(slug, lang, request)));
    const settled = run.catch(() => undefined);
    this.queues.set(file, settled);
    void settled.then(() => this.queues.get(file) === settled && this.queues.delete(file));
    send(req, res, await run);
  }

  private async check(slug: string, lang: string | undefined, request: UnitRequest): Promise<Outcome> {
    const loaded = await this.load(slug, lang);
    if (!('article' in loaded)) return loaded;
    const segment = loaded.units.get(request.key);
    if (!segment) return notFound(`"${loaded.article.slug}" has no unit with this key.`);
    return { status: 200, body: { problems: unitProblems(this.workbenchInput(loaded), segment, request.value) } };
  }

  private async save(slug: string, lang: string | undefined, request: UnitRequest): Promise<Outcome> {
    const loaded = await this.load(slug, lang);
    if (!('article' in loaded)) return loaded;
    const segment = loaded.units.get(request.key);
    if (!segment) return notFound(`"${loaded.article.slug}" has no unit with this key.`);
    const { inputs } = loaded;
    const file = inputs.target.file;
    const current = inputs.texts.target;
    let merged = false;
    if (request.version !== loaded.version) {
      const theirs = localeValues(current, file).get(request.key) ?? '';
      const seen = this.snapshots.get(`${file}\0${request.version}`);
      const untouched = seen !== undefined && (localeValues(seen, file).get(request.key) ?? '') === theirs;
      // The same value written meanwhile is no conflict either.
      if (!untouched && theirs !== request.value) {
        return {
          status: 409,
          body: {
            error: `${file} changed on disk since this page loaded it, at this unit too: choose which translation to keep.`,
            conflict: { key: request.key, mine: request.value, theirs, version: loaded.version },
          },
        };
      }
      merged = true;
    }
    const text = withUnitValue(current, file, request.key, request.value, [...loaded.units.keys()]);
    const state = stateAfterSave(inputs.state, request.key, segment.markdown, request.value, request.reviewed);
    if (text !== current) await writeFileAtomic(inputs.files.target, text);
    const stateText = serializeState(state);
    if (stateText !== inputs.texts.state) await writeFileAtomic(inputs.files.state, stateText);
    // The preview's render runs on a worker while the answer below is made.
    if (text !== current || stateText !== inputs.texts.state) this.onSaved();
    // The unit as saved, from the texts just written (the article is not parsed again).
    const version = sha256(Buffer.from(text, 'utf8'));
    this.snapshots.set(`${file}\0${version}`, text);
    const saved = { ...loaded, inputs: { ...inputs, target: readLocaleFile(text, file), state }, version };
    const unit = workbenchView(this.workbenchInput(saved), request.key).units.find((u): u is WorkbenchUnit => u.key === request.key);
    return { status: 200, body: { version, unit, merged } };
  }

  /** The translation a write of (slug, lang) would touch, named `<lang>/<slug>`, when both are known. */
  private async targetOf(slug: string, langName: string | undefined): Promise<string | Outcome> {
    const lang = targetLang(langName);
    if (!lang) return unknownLang(langName);
    const source = (await this.renderer.sources()).find((s) => s.slug === slug);
    return source ? `${lang}/${source.slug}` : notFound(`No article "${slug}".`);
  }

  private async load(slug: string, langName: string | undefined): Promise<Loaded | Outcome> {
    const lang = targetLang(langName);
    if (!lang) return unknownLang(langName);
    const paths = this.renderer.paths;
    const source = (await this.renderer.sources()).find((s) => s.slug === slug);
    if (!source) return notFound(`No article "${slug}".`);
    // Every request reads the article afresh; its parse is reused while its text is unchanged.
    const read = await readSource(source);
    const parsed = read.text === undefined ? undefined : parseArticleReused(read.text, source.file, source.slug, { keyFigures: keyFigureCap(paths.templates) });
    const diagnostics = [...read.diagnostics, ...(parsed?.diagnostics ?? [])];
    const article = parsed && !hasErrors(parsed.diagnostics) ? parsed.article : undefined;
    if (!article) return { status: 422, body: { error: `The article cannot be read: ${diagnostics.map(formatDiagnostic).join('\n')}` } };
    const inputs = await readTranslationInputs(paths, lang, article.slug);
    if (hasErrors(inputs.target.diagnostics)) {
      return { status: 422, body: { error: `Fix ${inputs.target.file} first: ${inputs.target.diagnostics.map(formatDiagnostic).join('\n')}` } };
    }
    const text = inputs.texts.target;
    const version = text === undefined ? '' : sha256(Buffer.from(text, 'utf8'));
    if (text !== undefined) this.snapshots.set(`${inputs.target.file}\0${version}`, text);
    const { glossary } = await readGlossary(paths);
    const units = new Map(segmentsOf(article).map((segment) => [segment.key, segment]));
    return { article, lang, inputs, glossary, version, units };
  }

  private workbenchInput(loaded: Loaded): WorkbenchInput {
    return { article: loaded.article, lang: loaded.lang, target: loaded.inputs.target, state: loaded.inputs.state, glossary: loaded.glossary };
  }
}

interface UnitRequest {
  key: string;
  value: string;
  version: string;
  reviewed?: boolean;
}

/** The body's fields, checked; a string says what is wrong. */
function unitRequest(body: unknown, action: 'check' | 'save'): UnitRequest | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The body must be a JSON object.';
  const field = (name: string): unknown => (Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined);
  const [key, value, version, reviewed] = [field('key'), field('value'), field('version'), field('reviewed')];
  if (typeof key !== 'string' || typeof value !== 'string') return 'The body needs "key" and "value", both strings.';
  if (action === 'save' && typeof version !== 'string') return 'A save needs "version": the version of the file the page last saw ("" for none).';
  if (reviewed !== undefined && typeof reviewed !== 'boolean') return '"reviewed" is true or false.';
  return { key, value, version: typeof version === 'string' ? version : '', ...(reviewed !== undefined ? { reviewed } : {}) };
}

/** The target language named (the first one when none is). */
function targetLang(name: string | undefined): Lang | undefined {
  return LANGS.find((lang) => (name === undefined || lang === name) && lang !== SOURCE_LANG);
}

function send(req: IncomingMessage, res: ServerResponse, outcome: Outcome): void {
  reply(req, res, outcome.status, `${JSON.stringify(outcome.body)}\n`, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...outcome.headers,
  });
}
