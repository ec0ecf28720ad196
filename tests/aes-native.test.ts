import { cbc as nobleCbc, ecb as nobleEcb } from '@noble/ciphers/aes';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cbc, ecb } from '../src/render/pdf/aes-native.js';

// pdfkit's two uses: CBC with or without padding (streams, keys), ECB without padding (Perms).
const key = fc.constantFrom(16, 32).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }));
const iv = fc.uint8Array({ minLength: 16, maxLength: 16 });
const blocks = fc.integer({ min: 0, max: 8 }).chain((n) => fc.uint8Array({ minLength: 16 * n, maxLength: 16 * n }));

describe("aes-native (the bundle's stand-in for @noble/ciphers/aes)", () => {
  it('encrypts as @noble/ciphers in CBC with padding, for any length', () => {
    fc.assert(
      fc.property(key, iv, fc.uint8Array({ maxLength: 200 }), (k, v, data) => {
        expect(cbc(k, v).encrypt(data)).toEqual(nobleCbc(k, v).encrypt(data));
      }),
    );
  });

  it('encrypts as @noble/ciphers in CBC and ECB without padding (whole blocks)', () => {
    fc.assert(
      fc.property(key, iv, blocks, (k, v, data) => {
        expect(cbc(k, v, { disablePadding: true }).encrypt(data)).toEqual(nobleCbc(k, v, { disablePadding: true }).encrypt(data));
        expect(ecb(k, { disablePadding: true }).encrypt(data)).toEqual(nobleEcb(k, { disablePadding: true }).encrypt(data));
      }),
    );
  });
});
