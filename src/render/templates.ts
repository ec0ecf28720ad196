/**
 * The one Handlebars environment of the process. Templates are compiled with `strict: true`
 * (a misspelt variable is an error, not an empty string) and cached per path.
 * Nothing is registered on the global Handlebars object.
 *
 * A run is bounded: Handlebars has no output limit, and `{{#each @root.x}}` nested a few times
 * multiplies the output (three levels over the article's units: minutes and gigabytes). The block
 * helpers `each`, `with`, `if` and `unless` are the builtins wrapped to count each block they
 * render and the characters it produces, against `templateBlocks` and `templateOutputChars`; the
 * block that goes over is the error's place.
 */
import Handlebars, { type HelperOptions } from 'handlebars';
import { readInputSync } from '../project/read-file.js';
import { FileProblem } from '../core/errors.js';
import { limits } from '../core/limits.js';
import type { Place } from '../core/types.js';

export type TemplateFn = (context: object) => string;

const env = Handlebars.create();

/** What the template run in progress has produced so far (runs are synchronous: one at a time). */
interface Budget {
  file: string;
  chars: number;
  blocks: number;
}
let running: Budget | undefined;

/** Counts one rendered block of `length` characters against the limits; `place` is the block's. */
function charge(length: number, place: Place): void {
  if (!running) return;
  const { templateOutputChars, templateBlocks } = limits();
  running.chars += length;
  running.blocks += 1;
  if (running.chars > templateOutputChars)
    throw new FileProblem('briefing:template-limit', running.file, { problem: 'output', limit: templateOutputChars }, place);
  if (running.blocks > templateBlocks) throw new FileProblem('briefing:template-limit', running.file, { problem: 'blocks', limit: templateBlocks }, place);
}

type BlockFn = HelperOptions['fn'];

for (const name of ['each', 'with', 'if', 'unless']) {
  const builtin = env.helpers[name] as (...args: unknown[]) => unknown;
  env.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    const options = args.at(-1) as HelperOptions & { loc?: { start: { line: number; column: number } } };
    const place = { line: options.loc?.start.line ?? 1, column: (options.loc?.start.column ?? 0) + 1 };
    const counted = (fn: BlockFn | undefined): BlockFn | undefined =>
      fn &&
      ((context, runtime) => {
        const out = fn(context, runtime);
        charge(out.length, place);
        return out;
      });
    args[args.length - 1] = { ...options, fn: counted(options.fn), inverse: counted(options.inverse) };
    return builtin.apply(this, args);
  });
}

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
  let program: hbs.AST.Program;
  try {
    // Compilation is lazy in Handlebars: parse now so syntax errors surface at load time, and
    // hand the tree to the compiler, which would otherwise parse the source again at first use.
    program = env.parse(source);
  } catch (error) {
    throw toTemplateError(file, error);
  }
  const compiled = env.compile(program, { strict: true, noEscape: escaping === 'none' });
  const fn: TemplateFn = (context) => {
    const outer = running;
    running = { file, chars: 0, blocks: 0 };
    try {
      const out = compiled(context);
      const limit = limits().templateOutputChars;
      if (out.length > limit) throw new FileProblem('briefing:template-limit', file, { problem: 'output', limit }, { line: 1, column: 1 });
      return out;
    } catch (error) {
      throw error instanceof FileProblem ? error : toTemplateError(file, error);
    } finally {
      running = outer;
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
