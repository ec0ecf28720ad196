/**
 * Shortcodes and macros of other sites (Hugo, Jekyll's Liquid, MDN) in an article's text: their
 * readable text is kept and their syntax dropped (./macro-syntax.ts reads each one); a Hugo
 * `{{< figure >}}` becomes an image. One `briefing:macro` warning per macro name and file, at its
 * first place. Only text nodes are read: code (inline or blocks) is never touched.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import { toString as plainText } from 'mdast-util-to-string';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { nextMacroStart, readMacro, type Macro } from './macro-syntax.js';

/** How many following inline nodes a macro split by the parser (a URL autolinked inside it) may span. */
const MAX_SPAN = 16;

/** Replaces the macros of every text in `tree`, reporting each name once into `diagnostics`. */
export function expandMacros(tree: Root, file: string, diagnostics: Diagnostic[]): void {
  const reported = new Set<string>();
  const report = (macro: Macro, at: Point | undefined) => {
    if (reported.has(macro.name)) return;
    reported.add(macro.name);
    const kept =
      macro.output.kind === 'text'
        ? `its text "${macro.output.value}" was kept`
        : macro.output.kind === 'image'
          ? 'it was read as an image'
          : 'it holds no text to show and was left out';
    diagnostics.push(ruleDiagnostic('briefing:macro', file, { name: macro.name, kept }, at ? { line: at.line, column: at.column } : undefined));
  };
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    if (parent.type === 'code' || parent.type === 'inlineCode') continue;
    if (parent.children.some((child) => child.type === 'text' && hasMacro(child.value))) {
      parent.children = expandChildren(parent.children as PhrasingContent[], report) as Parent['children'];
      if (parent.type === 'paragraph') trimEnds(parent.children as PhrasingContent[]);
    }
    // Pushed last to first, so the texts are read in document order (a name is reported at its first place).
    for (let k = parent.children.length - 1; k >= 0; k--) {
      const child = parent.children[k]!;
      if ('children' in child) stack.push(child);
    }
    // A paragraph left with nothing but spaces (a block shortcode on its own line) goes.
    parent.children = parent.children.filter((child) => child.type !== 'paragraph' || !isBlank(child.children));
  }
}

/** A macro removed at a paragraph's start or end leaves no space or line ending there. */
function trimEnds(children: PhrasingContent[]): void {
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = children.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

function hasMacro(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

function isBlank(children: PhrasingContent[]): boolean {
  return children.every((child) => child.type === 'text' && child.value.trim() === '');
}

/** The inline nodes with their macros replaced. */
function expandChildren(children: PhrasingContent[], report: (macro: Macro, at: Point | undefined) => void): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'text' || !hasMacro(node.value)) {
      out.push(node);
      continue;
    }
    let text = node.value;
    let pos = 0;
    let plain = '';
    for (let start = nextMacroStart(text, 0); start >= 0; start = nextMacroStart(text, pos)) {
      let macro = readMacro(text, start);
      // Not closed in this text: the parser may have split it (an autolinked URL, inline HTML).
      let joined = 0;
      while (!macro && joined < MAX_SPAN && i + joined + 1 < children.length) {
        joined++;
        text += plainText(children[i + joined]!);
        macro = readMacro(text, start);
      }
      if (!macro) break;
      i += joined;
      report(macro, pointAt(node, text, start));
      plain += text.slice(pos, start);
      pos = macro.end;
      if (macro.output.kind === 'text') plain += macro.output.value;
      else if (macro.output.kind === 'image') {
        if (plain) out.push({ type: 'text', value: plain });
        plain = '';
        const { url, alt, title } = macro.output;
        out.push({ type: 'image', url, alt, ...(title ? { title } : {}) });
      }
    }
    plain += text.slice(pos);
    if (plain) out.push({ type: 'text', value: plain });
  }
  return out;
}

/** The place of `index` in a text node whose value starts `text` (counted on its first line only when it spans lines). */
function pointAt(node: Text, text: string, index: number): Point | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = text.lastIndexOf('\n', index - 1);
  if (before < 0) return { line: start.line, column: start.column + index };
  let line = start.line;
  for (let k = text.indexOf('\n'); k >= 0 && k < index; k = text.indexOf('\n', k + 1)) line++;
  return { line, column: index - before };
}
