/**
 * YAML errors the front matter's authors make most, said in plain words with the fix. The one
 * that matters most in French: an unquoted value holding ": " (`title: Écoles rurales : un plan`),
 * which YAML reads as a nested mapping and reports as "Nested mappings are not allowed in compact
 * mappings".
 */
import type { YAMLError } from 'yaml';

/** The fix for a YAML error, with the offset to place it at, when the error is one we can explain. */
export interface PlainYamlError {
  params: { line: string };
  offset: number;
}

/** `key: value` on one line, the value unquoted (does not start with a quote, bracket or block sign). */
const KEY_VALUE = /^( *)([^\s:#"'][^:]*):[ \t]+([^\s"'[{|>&*!%@`#][^\n]*)$/;

/** The plain-words version of `error` in `yaml`, or undefined when the YAML package's message stays. */
export function plainYamlError(yaml: string, error: YAMLError): PlainYamlError | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' && error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const offset = error.pos[0];
  const lineStart = yaml.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = yaml.indexOf('\n', offset);
  const text = yaml.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trimEnd();
  const match = KEY_VALUE.exec(text);
  if (!match || !/:\s/.test(`${match[3]} `)) return undefined;
  const [, indent = '', key = '', value = ''] = match;
  // A YAML double-quoted string escapes as JSON does.
  return { params: { line: `${indent}${key}: ${JSON.stringify(value)}`.trim() }, offset: lineStart + indent.length + key.length + 2 };
}
