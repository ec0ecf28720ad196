/**
 * What "belongs to the project": the real path of its root, minus `.git/` (where a CI checkout
 * keeps its credentials) and the output folder (what the tool writes is never an input). Every
 * input is checked against these bounds with its symbolic links resolved (read-file.ts).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT, projectPaths, type ProjectPaths } from '../core/paths.js';
import { DEFAULTS } from '../core/defaults.js';

/** The folder inputs may come from, and the folders inside it they may not: real paths, plain data (it travels to workers). */
export interface ProjectBounds {
  /** Real path of the project root. */
  root: string;
  /** Real paths inside `root` that are not inputs, with how a message names them. */
  excluded: { path: string; name: string }[];
}

/** Where a real path lies with respect to some bounds. */
export type Containment = { inside: true } | { inside: false; into: string };

/** Bounds by lexical and real root, for {@link boundsOf}. */
const known = new Map<string, ProjectBounds>();
/** Bounds by root and output folder: resolving real paths once per project, not per file. */
const computed = new Map<string, ProjectBounds>();

/**
 * The bounds of the project at `paths` (`.git/` and its output folder excluded). Remembered by
 * root, so a template read later by a renderer, which only knows its folder, finds them.
 */
export function projectBounds(paths: ProjectPaths): ProjectBounds {
  const key = `${path.resolve(paths.root)}\0${path.resolve(paths.output)}`;
  const hit = computed.get(key);
  if (hit) return hit;
  const root = realOrResolved(paths.root);
  const output = realOrResolved(paths.output);
  const bounds: ProjectBounds = { root, excluded: [{ path: path.join(root, '.git'), name: '.git/' }] };
  // An output folder outside the project is out of bounds anyway; one holding the project (--out .) excludes nothing.
  if (output !== root && isWithin(root, output)) bounds.excluded.push({ path: output, name: 'the output folder' });
  remember(bounds, paths.root);
  computed.set(key, bounds);
  return bounds;
}

/** Makes `bounds` the ones {@link boundsOf} finds for files under its root (a worker gets them with its task). */
export function remember(bounds: ProjectBounds, lexicalRoot = bounds.root): void {
  known.set(path.resolve(lexicalRoot), bounds);
  known.set(bounds.root, bounds);
}

/** The bounds of the project rooted at `root` (lexical or real path): the remembered ones, else the standard layout's. */
export function boundsOfRoot(root: string): ProjectBounds {
  return known.get(path.resolve(root)) ?? projectBounds(projectPaths(root));
}

/**
 * The bounds a file named by a renderer belongs to: a project this process works on (the build
 * or service registered it), else the package's own files (its built-in templates), else the
 * project whose standard layout holds the file (`<root>/templates/…`, `<root>/content/…`).
 */
export function boundsOf(file: string): ProjectBounds {
  const absolute = path.resolve(file);
  let best: ProjectBounds | undefined;
  let bestLength = -1;
  for (const [root, bounds] of known) {
    if (isWithin(root, absolute) && root.length > bestLength) {
      best = bounds;
      bestLength = root.length;
    }
  }
  if (best) return best;
  if (isWithin(PACKAGE_ROOT, absolute)) return projectBounds(projectPaths(PACKAGE_ROOT));
  const { templates, content, locales } = DEFAULTS.folders;
  for (let dir = path.dirname(absolute); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (([templates, content, locales] as readonly string[]).includes(path.basename(dir))) return projectBounds(projectPaths(path.dirname(dir)));
  }
  return projectBounds(projectPaths(path.dirname(absolute)));
}

/** Whether the real path `real` is an input of `bounds`: inside the root, outside every excluded folder. */
export function containment(bounds: ProjectBounds, real: string): Containment {
  if (!isWithin(bounds.root, real)) return { inside: false, into: `outside the project, to ${real}` };
  for (const excluded of bounds.excluded) if (isWithin(excluded.path, real)) return { inside: false, into: `into ${excluded.name}` };
  return { inside: true };
}

/** `child` is `parent` or lies under it (both absolute). */
function isWithin(parent: string, child: string): boolean {
  // Every input of a build is checked twice or more (root, excluded folders): for plain POSIX paths
  // (as real paths are) a prefix test gives path.relative's answer without resolving both paths.
  if (path.sep === '/' && plainPosix(parent) && plainPosix(child)) return child === parent || child.startsWith(parent === '/' ? '/' : `${parent}/`);
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** The real path of `file`, or, for a path not created yet, its nearest existing folder's real path joined with the rest. */
function realOrResolved(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realOrResolved(parent), path.basename(absolute));
  }
}

/** An absolute POSIX path that path.resolve leaves as it is: no `//`, no `.` or `..` segment, no trailing `/` (but `/`). */
function plainPosix(file: string): boolean {
  return file.startsWith('/') && !NOT_PLAIN.test(file);
}

const NOT_PLAIN = /\/\/|\/\.\.?(?:\/|$)|.\/$/;
