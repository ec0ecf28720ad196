/**
 * Superscript `^er^` and subscript `~2~` (Pandoc's and markdown-it's syntax), which mdast lacks:
 * a micromark extension that reads them, the mdast-util extensions that build and write the
 * `superscript` / `subscript` nodes, and their HTML element (`data.hName`, read by
 * mdast-util-to-hast). No published pair does this for unified v11 (remark-supersub rewrites text
 * nodes and cannot write them back), hence this small one.
 *
 * The content is text: no spaces or line endings, not empty, no marker inside unless escaped
 * (`^a\^b^`). `~~x~~` stays GFM strikethrough (its single-tilde form is off, see ./markdown.ts).
 */
import type { Construct, Extension, State, TokenizeContext, Effects, Code } from 'micromark-util-types';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Options as ToMarkdownExtension, State as WriterState } from 'mdast-util-to-markdown';
import type { Parent, PhrasingContent } from 'mdast';
import { markdownLineEndingOrSpace } from 'micromark-util-character';

/** `^x^`: raised smaller text (`<sup>` in HTML). */
export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
}

/** `~x~`: lowered smaller text (`<sub>` in HTML). */
export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    superscript: Superscript;
    subscript: Subscript;
  }
  interface RootContentMap {
    superscript: Superscript;
    subscript: Subscript;
  }
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    superscript: 'superscript';
    superscriptMarker: 'superscriptMarker';
    subscript: 'subscript';
    subscriptMarker: 'subscriptMarker';
  }
}

const CARET = 94;
const TILDE = 126;
const BACKSLASH = 92;

type ScriptType = 'superscript' | 'subscript';

/** The marker of each kind and the HTML element it becomes. */
const SCRIPTS: Record<ScriptType, { marker: number; text: string; hName: 'sup' | 'sub' }> = {
  superscript: { marker: CARET, text: '^', hName: 'sup' },
  subscript: { marker: TILDE, text: '~', hName: 'sub' },
};

function scriptConstruct(type: ScriptType): Construct {
  const { marker } = SCRIPTS[type];
  const markerType = type === 'superscript' ? 'superscriptMarker' : 'subscriptMarker';
  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    // `~~` belongs to strikethrough, `^^` to nobody: a marker right after another opens nothing.
    const previous = this.previous;
    return start;
    function start(code: Code): State | undefined {
      if (code !== marker || previous === marker) return nok(code);
      effects.enter(type);
      effects.enter(markerType);
      effects.consume(code);
      effects.exit(markerType);
      return open;
    }
    function open(code: Code): State | undefined {
      if (code === marker || code === null || markdownLineEndingOrSpace(code)) return nok(code);
      effects.enter('chunkString', { contentType: 'string' });
      return inside(code);
    }
    function inside(code: Code): State | undefined {
      if (code === null || markdownLineEndingOrSpace(code)) return nok(code);
      if (code === marker) {
        effects.exit('chunkString');
        effects.enter(markerType);
        effects.consume(code);
        effects.exit(markerType);
        return after;
      }
      effects.consume(code);
      return code === BACKSLASH ? escaped : inside;
    }
    function escaped(code: Code): State | undefined {
      if (code === marker || code === BACKSLASH) {
        effects.consume(code);
        return inside;
      }
      return inside(code);
    }
    function after(code: Code): State | undefined {
      // `^a^^`: a marker right after the closing one would make the reading ambiguous.
      if (code === marker) return nok(code);
      effects.exit(type);
      return ok(code);
    }
  }
  return { name: type, tokenize };
}

/** micromark syntax extension: `^x^` and `~x~` in text. */
export function supersub(): Extension {
  return { text: { [CARET]: scriptConstruct('superscript'), [TILDE]: scriptConstruct('subscript') } };
}

/** mdast-util-from-markdown extension: the tokens above → `superscript` / `subscript` nodes. */
export function supersubFromMarkdown(): FromMarkdownExtension {
  const enter = (type: ScriptType) =>
    function (this: CompileContext, token: Token): undefined {
      this.enter(scriptNode(type, ''), token);
      (this.stack.at(-1) as Superscript | Subscript).children = [];
    };
  function exit(this: CompileContext, token: Token): undefined {
    this.exit(token);
  }
  return {
    enter: { superscript: enter('superscript'), subscript: enter('subscript') },
    exit: { superscript: exit, subscript: exit },
  };
}

/** The node for `type` around plain text, as every reader of sup/sub builds it. */
export function scriptNode(type: ScriptType, value: string): Superscript | Subscript {
  return { type, children: [{ type: 'text', value }], data: { hName: SCRIPTS[type].hName } } as Superscript | Subscript;
}

/** Whether `value` can be written between markers and read back the same (see the syntax above). */
export function fitsScript(value: string): boolean {
  return value !== '' && !/\s/.test(value);
}

/**
 * mdast-util-to-markdown extension: writes `^x^` / `~x~`. Content that the syntax cannot hold
 * (spaces, or anything but text) is written as it is, without the markers, so nothing reads back
 * as literal `^`. A `^` in text is escaped so it never opens a superscript.
 */
export function supersubToMarkdown(): ToMarkdownExtension {
  const write =
    (type: ScriptType) => (node: Superscript | Subscript, _parent: unknown, state: WriterState, info: Parameters<WriterState['containerPhrasing']>[1]) => {
      const { text } = SCRIPTS[type];
      const plain = node.children.every((child) => child.type === 'text');
      const inner = state.containerPhrasing(node, plain ? { ...info, before: text, after: text } : info);
      return plain && fitsScript(inner) ? `${text}${inner}${text}` : inner;
    };
  return {
    handlers: { superscript: write('superscript'), subscript: write('subscript') } as ToMarkdownExtension['handlers'],
    unsafe: [{ character: '^', inConstruct: 'phrasing' }],
  };
}
