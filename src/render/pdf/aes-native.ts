/**
 * pdfkit's AES (`@noble/ciphers/aes`: `cbc` and `ecb`), taken from Node's native crypto instead:
 * pdfkit imports it at start-up for encrypted PDFs, and the package builds its lookup tables when
 * loaded (~11 ms of every cold PDF process, `genTtable` in the profile), though Briefing's PDFs are
 * never encrypted. Node has the same ciphers, native, so encryption still works if ever asked for.
 * The bundle maps that import here (`--alias` in package.json's `bundle` script); code run from
 * sources keeps the package. tests/aes-native.test.ts compares both on random keys and data.
 */
import { createCipheriv } from 'node:crypto';

interface CipherOptions {
  disablePadding?: boolean;
}

interface Cipher {
  encrypt(data: Uint8Array): Uint8Array;
}

function cipher(mode: 'cbc' | 'ecb', key: Uint8Array, iv: Uint8Array | null, options: CipherOptions): Cipher {
  // `aes-128-cbc`, `aes-256-ecb`…: the key's length picks the variant, as @noble/ciphers does.
  const name = `aes-${key.length * 8}-${mode}`;
  return {
    encrypt(data) {
      const aes = createCipheriv(name, key, iv);
      aes.setAutoPadding(options.disablePadding !== true);
      return new Uint8Array(Buffer.concat([aes.update(data), aes.final()]));
    },
  };
}

export function cbc(key: Uint8Array, iv: Uint8Array, options: CipherOptions = {}): Cipher {
  return cipher('cbc', key, iv, options);
}

export function ecb(key: Uint8Array, options: CipherOptions = {}): Cipher {
  return cipher('ecb', key, null, options);
}
