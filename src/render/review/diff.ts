/** The review page's word diff: the one of src/translate/word-diff.ts, which check's stale note uses too. */
export { wordDiff, type DiffPart } from '../../translate/word-diff.js';
