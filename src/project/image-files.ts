/**
 * Where an article's image lives (docs/parsing.md, "Images"): `http(s)://` and `//host/` addresses
 * are remote (never fetched); a path starting with `/` is site-relative: remote when the article
 * gives its own address, else a file under the project root; any other path is a file relative to
 * the article's folder. Query strings and fragments are dropped, `%xx` escapes decoded.
 */
import path from 'node:path';

/** What an image address stands for. */
export type ImageLocation = { kind: 'local'; file: string } | { kind: 'remote' } | { kind: 'none' };

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * The location of `src`, written in the article at `article` (absolute) of the project at `root`.
 * `siteAddress`: whether the article gives its own web address (site-relative paths are then remote).
 */
export function imageLocation(src: string, article: string, root: string, siteAddress: boolean): ImageLocation {
  const written = src.trim();
  if (/^(?:https?:)?\/\//i.test(written)) return { kind: 'remote' };
  if (written === '' || SCHEME.test(written)) return { kind: 'none' };
  if (written.startsWith('/') && siteAddress) return { kind: 'remote' };
  const relative = decoded(written.split(/[?#]/, 1)[0] ?? '');
  if (relative === '') return { kind: 'none' };
  const file = written.startsWith('/') ? path.join(root, relative) : path.resolve(path.dirname(article), relative);
  return { kind: 'local', file };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
