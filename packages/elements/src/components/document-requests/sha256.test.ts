import { expect } from '@open-wc/testing';
import { Sha256, sha256File } from './sha256.js';

const webCrypto = async (b: Uint8Array<ArrayBuffer>) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', b))].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('the resumable upload’s SHA-256', () => {
  it('equals Web Crypto’s digest at every padding boundary, fed in uneven pieces', async () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_001]) {
      const b = new Uint8Array(n).map((_, i) => (i * 131 + 17) & 255);
      const h = new Sha256();
      for (let i = 0; i < n; i += 37) h.update(b.subarray(i, i + 37));
      expect(h.hex(), `${n} bytes`).to.equal(await webCrypto(b));
    }
  });

  it('hashes a 9 MiB file slice by slice as Web Crypto hashes it whole', async () => {
    const b = new Uint8Array(9 * 1024 * 1024).map((_, i) => (i * 7) & 255);
    expect(await sha256File(new Blob([b]))).to.equal(await webCrypto(b));
  });
});
