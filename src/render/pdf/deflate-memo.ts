/**
 * Each distinct stream of a PDF deflated once per process. pdfkit deflates every stream when it is
 * written (zlib's defaults): page contents, font programs, ToUnicode maps — a tenth of a warm render.
 * A page, a font program or a map that comes out the same as before (the same document rendered
 * again, the pages an edit did not touch, an unchanged glyph set: font-programs.ts) gives the same
 * deflated bytes, so they are kept by the SHA-256 of the plain bytes in a process-wide map bounded
 * by bytes. zlib is deterministic for the same input and settings: outputs do not change.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { latin1Batch } from './latin1-batch.js';

/** Bytes of deflated streams the process keeps (a seed PDF's are ~20 KB; small, so that a huge article does not hold megabytes for nothing). */
const DEFLATED_CACHE_BYTES = 2 * 1024 * 1024;

/** The parts of pdfkit's `PDFReference` used here (its typings do not expose them). */
interface ReferenceLike {
  compress: boolean;
  buffer: Uint8Array[];
  write(chunk: unknown): void;
  finalize(): void;
}

/** A cache of deflated streams bounded to `capacity` bytes. Exported for its test. */
export function deflatedCache(capacity: number): LRUCache<string, Buffer> {
  return new LRUCache<string, Buffer>({ maxSize: capacity, sizeCalculation: (deflated) => deflated.length + 64 });
}

const deflated = deflatedCache(DEFLATED_CACHE_BYTES);

/** `chunks` concatenated and deflated (zlib's defaults, or `level`), from `cache` when seen before. */
export function deflateChunks(chunks: readonly Uint8Array[], level?: number, cache: LRUCache<string, Buffer> = deflated): Buffer {
  const hash = createHash('sha256');
  let length = 0;
  for (const chunk of chunks) {
    hash.update(chunk);
    length += chunk.length;
  }
  const key = `${level ?? 'default'}:${length}:${hash.digest('base64')}`;
  let bytes = cache.get(key);
  if (!bytes) {
    const data = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    bytes = level === undefined ? deflateSync(data) : deflateSync(data, { level });
    cache.set(key, bytes);
  }
  return bytes;
}

/**
 * Makes every stream of `doc` deflate through the process-wide cache: the streams made from now on
 * (`doc.ref`) and the first page's content, made by pdfkit's constructor. Call right after
 * `new PDFDocument`. pdfkit has already set `/Filter` when the stream was written; here its bytes
 * are swapped for their deflated form just before pdfkit's own `finalize`, which then writes them
 * as they are (and sets `/Length` from them), exactly as it would have.
 */
export function memoizeDeflate(doc: PDFKit.PDFDocument): void {
  const withRefs = doc as unknown as { ref(data?: unknown): ReferenceLike; page?: { content?: ReferenceLike } };
  const ref = withRefs.ref.bind(doc);
  withRefs.ref = (data?: unknown) => deflateThroughCache(ref(data));
  const firstContent = withRefs.page?.content;
  if (firstContent) deflateThroughCache(firstContent);
}

/**
 * Strings written to a stream are turned into bytes together (./latin1-batch.ts), when a byte chunk
 * follows or at `finalize`: the stream's bytes, `/Length` and the cache key are the same.
 */
const EMPTY = new Uint8Array(0);

function batchStringWrites(reference: ReferenceLike): () => void {
  const write = reference.write.bind(reference);
  const batch = latin1Batch(write);
  let started = false;
  reference.write = (chunk: unknown) => {
    if (chunk instanceof Uint8Array) {
      batch.flush();
      write(chunk);
    } else {
      // pdfkit's first write sets `/Length` (and `/Filter`): done at once, so the dictionary's keys
      // keep their order whatever is set on it before the flush.
      if (!started) write(EMPTY);
      batch.add(`${chunk}\n`);
    }
    started = true;
  };
  return batch.flush;
}

function deflateThroughCache(reference: ReferenceLike): ReferenceLike {
  const finalize = reference.finalize.bind(reference);
  const flush = batchStringWrites(reference);
  reference.finalize = () => {
    flush();
    if (reference.compress && reference.buffer.length > 0) {
      reference.buffer = [deflateChunks(reference.buffer)];
      reference.compress = false;
    }
    finalize();
  };
  return reference;
}
