/**
 * The depth of a JSON text's objects and arrays, found in one linear pass before it is parsed:
 * momoa's parser recurses once per level and overflows the stack a few thousand levels down.
 */
import type { Place } from './types.js';

/** Where `text` first nests objects or arrays more than `maxDepth` deep, if it does. */
export function jsonTooDeep(text: string, maxDepth: number): Place | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > maxDepth) return { line, column: i - lineStart + 1 };
    } else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  return undefined;
}
