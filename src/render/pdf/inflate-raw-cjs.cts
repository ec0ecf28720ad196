/**
 * ./inflate-raw.ts as a CommonJS module, the target of the bundle's `tiny-inflate` alias:
 * unicode-trie `require`s tiny-inflate and calls what it gets, which an ES module's namespace is not.
 */
import inflate = require('./inflate-raw.js');

export = inflate.default;
