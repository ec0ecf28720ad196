/**
 * Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`),
 * which the runner turns into annotations on the run and on the pull request's files.
 * Escaping follows @actions/core's `command.ts`: `%`, CR and LF in the message; also `:` and `,`
 * in properties, which would otherwise end a property or the property list.
 */
import path from 'node:path';
import type { Diagnostic, Severity } from '../core/errors.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's message: `%`, CR and LF escaped. */
export function escapeAnnotationData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A workflow command's property value: as a message, plus `:` and `,`. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One workflow command per diagnostic, in the order given. `file` is made relative to
 * `repositoryRoot` (GitHub places annotations by paths from the repository's root; the project may
 * sit in a subfolder of it), `/`-separated; the note, when there is one, follows the message on its
 * own line.
 */
export function githubAnnotations(diagnostics: readonly Diagnostic[], projectRoot: string, repositoryRoot: string = projectRoot): string[] {
  return diagnostics.map((d) => {
    const file = path.relative(repositoryRoot, path.resolve(projectRoot, d.file)).split(path.sep).join('/');
    const properties = [`file=${escapeAnnotationProperty(file)}`, `line=${d.line}`, `col=${d.column}`, `title=${escapeAnnotationProperty(d.ruleId)}`];
    const message = d.note ? `${d.message}\n${d.note}` : d.message;
    return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeAnnotationData(message)}`;
  });
}

/**
 * The annotation lines to print for a command run in `projectRoot`: none unless the runner set
 * `GITHUB_ACTIONS=true`; paths from `GITHUB_WORKSPACE` (the checkout) when the project is in it.
 */
export function annotationsForRun(diagnostics: readonly Diagnostic[], projectRoot: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.GITHUB_ACTIONS !== 'true') return [];
  // The checkout is GITHUB_WORKSPACE; a project outside it (an odd job) keeps project-relative paths.
  const workspace = env.GITHUB_WORKSPACE ? path.resolve(env.GITHUB_WORKSPACE) : undefined;
  const inside = workspace !== undefined && !path.relative(workspace, path.resolve(projectRoot)).startsWith('..');
  return githubAnnotations(diagnostics, projectRoot, inside ? workspace : projectRoot);
}
