/**
 * Every regular expression of src/ is free of super-linear backtracking (ReDoS), as judged by
 * recheck (automata theory where it applies, otherwise fuzzing with a fixed seed): article and
 * translation text reaches most of them, and a pattern that backtracks quadratically on a crafted
 * line can hold a build or the service for minutes (issue 11).
 *
 * Literals are found in the source with the TypeScript parser; patterns built at run time with
 * `new RegExp` are imported from the module that builds them (`DYNAMIC`): a file that builds one
 * and is not listed there fails the test, so a new pattern cannot slip past the check.
 * recheck runs its native binary (an npm package, no download) in agent mode on two processes, or,
 * without it, its pure JavaScript build: both work offline. Each distinct pattern is checked once.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { check, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SOURCE_REGEXES } from '../src/facts/attributions.js';
import { FIGURE_REGEXES } from '../src/facts/key-figures.js';
import { MARKUP } from '../src/translate/lint/markup.js';
import { PROTOCOL_REGEXES } from '../src/render/markdown/safe-urls.js';
import { NO_BREAK } from '../src/typography/no-break.js';
import { PROTECTED, RULES } from '../src/typography/rules.js';
import { REPO } from './helpers.js';

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

/** Regular expression literals of one file, with their line. */
function literals(file: string): Pattern[] {
  const text = readFileSync(file, 'utf8');
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Pattern[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(tree);
      const end = literal.lastIndexOf('/');
      const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
      found.push({ where: `${path.relative(REPO, file)}:${line}`, source: literal.slice(1, end), flags: literal.slice(end + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const fromRegExps = (file: string, regexes: readonly RegExp[]): Pattern[] =>
  regexes.map((regex, i) => ({ where: `${file} (run-time pattern ${i + 1})`, source: regex.source, flags: regex.flags }));

/** Files that build patterns at run time, and those patterns. */
const DYNAMIC: Record<string, () => Pattern[]> = {
  'src/typography/rules.ts': () =>
    fromRegExps('src/typography/rules.ts', [
      ...RULES.map((rule) => rule.pattern),
      ...PROTECTED.flatMap((p) => (p.trimEnd ? [p.pattern, p.trimEnd] : [p.pattern])),
    ]),
  'src/typography/no-break.ts': () =>
    fromRegExps(
      'src/typography/no-break.ts',
      NO_BREAK.flatMap((rule) => (rule.needs ? [rule.pattern, rule.needs] : [rule.pattern])),
    ),
  'src/facts/key-figures.ts': () => fromRegExps('src/facts/key-figures.ts', FIGURE_REGEXES),
  'src/facts/attributions.ts': () => fromRegExps('src/facts/cited-sources.ts', SOURCE_REGEXES),
  'src/translate/lint/markup.ts': () => fromRegExps('src/translate/lint/markup.ts', [MARKUP]),
  'src/render/markdown/safe-urls.ts': () => fromRegExps('src/render/markdown/safe-urls.ts', PROTOCOL_REGEXES),
};

/** Run-time patterns left out of the check, each with the reason it is safe. */
const NOT_CHECKED: Record<string, string> = {
  'src/render/markdown/annotations.ts': 'MARK is anchored at both ends and applied only to the HTML comments the content template writes',
};

const FILES = sourceFiles(path.join(REPO, 'src'));

type Params = Parameters<typeof check>[2];

/**
 * recheck's native binary, as recheck itself finds it (its `auto` backend): `null` without it.
 * recheck's `check` starts one `recheck agent` process for every call made before the first has
 * started (hundreds here, when all are made at once), then sends every request to one agent, which
 * answers them one at a time. This runs the same binary in the same agent mode, on a fixed number of
 * agents, each request on the next free agent: the same verdicts, with the machine's cores in use.
 */
function nativeRecheck(): string | null {
  const require = createRequire(import.meta.url);
  try {
    return path.join(
      path.dirname(require.resolve(`recheck-${process.platform === 'darwin' ? 'macos' : process.platform}-${process.arch}/package.json`)),
      'recheck',
    );
  } catch {
    return null;
  }
}

async function checkAll(patterns: readonly { source: string; flags: string }[], params: Params): Promise<Diagnostics[]> {
  const binary = process.platform === 'linux' || process.platform === 'darwin' ? nativeRecheck() : null;
  if (binary === null) return Promise.all(patterns.map((pattern) => check(pattern.source, pattern.flags, params)));
  const results: Diagnostics[] = new Array(patterns.length);
  let next = 0;
  const agent = async (): Promise<void> => {
    const child = spawn(binary, ['agent'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<never>((_, reject) => child.on('close', (code) => reject(new Error(`recheck agent exited (${code})`))));
    exited.catch(() => {});
    let buffered = '';
    let waiting: ((line: { id: number; result?: Diagnostics }) => void) | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (buffered + chunk).split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const message = JSON.parse(line) as { id: number; result?: Diagnostics };
        if (message.result !== undefined) waiting?.(message); // log lines ("message") are not asked for
      }
    });
    try {
      for (let i = next++; i < patterns.length; i = next++) {
        const { source, flags } = patterns[i]!;
        const answer = new Promise<{ id: number; result?: Diagnostics }>((resolve) => (waiting = resolve));
        child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0+push', id: i, method: 'check', params: { source, flags, params } })}\n`);
        const message = await Promise.race([answer, exited]);
        expect(message.id).toBe(i);
        results[i] = message.result!;
      }
    } finally {
      child.kill();
    }
  };
  await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, agent));
  return results;
}

describe('regular expressions', () => {
  it('built at run time are all listed for the check', () => {
    const building = FILES.filter((file) => readFileSync(file, 'utf8').includes('new RegExp(')).map((file) => path.relative(REPO, file));
    expect(building.filter((file) => !(file in DYNAMIC) && !(file in NOT_CHECKED))).toEqual([]);
  });

  it('are free of super-linear backtracking (recheck)', { timeout: 240_000 }, async () => {
    const patterns = [...FILES.flatMap(literals), ...Object.values(DYNAMIC).flatMap((list) => list())];
    expect(patterns.length).toBeGreaterThan(100);
    // Deterministic: a fixed seed, and step limits only (recheck's time limits would turn a busy machine into a verdict).
    const params = { randomSeed: 42, timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, recallTimeout: null };
    // The same pattern often appears in several places (a rule and its no-break twin, a literal
    // repeated): recheck's verdict depends only on source, flags and params, so each distinct
    // pattern is checked once and its verdict reported for every place that holds it.
    const keyOf = (pattern: Pattern) => `${pattern.flags}/${pattern.source}`;
    const distinct = [...new Map(patterns.map((pattern) => [keyOf(pattern), pattern])).values()];
    const checked = await checkAll(distinct, params);
    const verdictOf = new Map(distinct.map((pattern, i) => [keyOf(pattern), checked[i]!]));
    const results = patterns.map((pattern) => verdictOf.get(keyOf(pattern))!);
    const verdicts = results.flatMap((result, i) => {
      if (result.status === 'safe') return [];
      const pattern = patterns[i]!;
      const why =
        result.status === 'vulnerable' ? `${result.complexity.summary}, attack ${JSON.stringify(result.attack.string.slice(0, 40))}` : result.error.kind;
      return [`${pattern.where} /${pattern.source}/${pattern.flags}: ${result.status} (${why})`];
    });
    expect(verdicts).toEqual([]);
  });
});
