/** Minimal typings for the `hyphen` package's pattern modules (no bundled types), CommonJS. */
declare module 'hyphen/fr/index.js' {
  export function hyphenateSync(text: string, options?: { minWordLength?: number }): string;
}
declare module 'hyphen/en-gb/index.js' {
  export function hyphenateSync(text: string, options?: { minWordLength?: number }): string;
}
