/**
 * The one Handlebars environment of the process. Templates are compiled with `strict: true`
 * (a misspelt variable is an error, not an empty string) and cached per path.
 * Nothing is registered on the global Handlebars object.
 */
import Handlebars from 'handlebars';
import { readInputSync } from '../project/read-file.js';
import { FileProblem } from '../core/errors.js';

export type TemplateFn = (context: object) => string;

const env = Handlebars.create();
const cache = new Map<string, { source: string; fn: TemplateFn }>();

/**
 * A template failed to compile or run; `file` names the template, `line` and `column` are
 * 1-based (1:1 when Handlebars does not say); `reason` is Handlebars' own first line.
 */
export class TemplateError extends FileProblem<'briefing:template-error'> {
  override name = 'TemplateError';
  constructor(
    file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super('briefing:template-error', file, { reason }, { line, column }, options);
  }
}

/**
 * Compiles `file` (read once, then cached by path and content).
 * `escaping: 'html'` keeps Handlebars' HTML escaping of `{{x}}`; `escaping: 'none'` is for templates
 * whose every value is already escaped for the target (the Markdown content template).
 */
export function loadTemplate(file: string, escaping: 'html' | 'none'): TemplateFn {
  // Only the project's own regular file (project/read-file.ts): an InputError names it otherwise.
  const source = readInputSync(file).toString('utf8');
  const cacheKey = `${escaping}:${file}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.source === source) return hit.fn;
  try {
    // Compilation is lazy in Handlebars: parse now so syntax errors surface at load time.
    env.parse(source);
  } catch (error) {
    throw toTemplateError(file, error);
  }
  const compiled = env.compile(source, { strict: true, noEscape: escaping === 'none' });
  const fn: TemplateFn = (context) => {
    try {
      return compiled(context);
    } catch (error) {
      throw toTemplateError(file, error);
    }
  };
  cache.set(cacheKey, { source, fn });
  return fn;
}

function toTemplateError(file: string, error: unknown): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  // Handlebars reports "Parse error on line N:" and strict-mode "... - L:C" forms.
  const parse = /on line (\d+)/.exec(message);
  const strict = /- (\d+):(\d+)/.exec(message);
  const line = Number(parse?.[1] ?? strict?.[1] ?? 1);
  const column = strict ? Number(strict[2]) + 1 : 1;
  // A parse error's first line only repeats the line number; its last line says what was found.
  const got = parse ? /got '([^']+)'\s*$/.exec(message)?.[1] : undefined;
  const reason = parse ? `Handlebars cannot parse this line${got ? ` (unexpected ${got})` : ''}` : (message.split('\n')[0] ?? message);
  return new TemplateError(file, line, column, reason, { cause: error });
}
