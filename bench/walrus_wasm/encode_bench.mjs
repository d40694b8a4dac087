// Times the official Walrus blob encoder (@mysten/walrus-wasm, the WASM build of walrus-core) on
// the blobs codec_bench encodes, so both are measured in one run on one machine.
// usage: node encode_bench.mjs N_SHARDS SEED MIN_SECONDS SIZE...
// Prints one JSON object per size: {n_shards, size, seconds (best run), runs, blob_id_hex}.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { BlobEncoder } = require('@mysten/walrus-wasm');

// Blob bytes: byte[i] = (i*seed + 13 + (i >> 8)) mod 256, the pattern of the Walrus vector files.
function patternBlob(size, seed) {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * seed + 13 + Math.floor(i / 256)) % 256;
  return out;
}

// BCS size of one SliverData: ULEB128 length + data + u16 symbol size + u16 index.
function bcsSliverSize(dataLength) {
  let uleb = 1;
  for (let v = dataLength >>> 7; v !== 0; v >>>= 7) uleb++;
  return uleb + dataLength + 2 + 2;
}

function sliverBuffers(size, n) {
  const f = Math.floor((n - 1) / 3);
  const kp = n - 2 * f;
  const ks = n - f;
  let symbol = Math.floor((Math.max(size, 1) - 1) / (kp * ks)) + 1;
  if (symbol % 2 === 1) symbol += 1;
  const primary = Array.from({ length: n }, () => new Uint8Array(bcsSliverSize(ks * symbol)));
  const secondary = Array.from({ length: n }, () => new Uint8Array(bcsSliverSize(kp * symbol)));
  return { primary, secondary };
}

function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const [nArg, seedArg, minArg, ...sizes] = process.argv.slice(2);
const n = Number(nArg);
const seed = Number(seedArg);
const minSeconds = Number(minArg);
const encoder = new BlobEncoder(n);
for (const sizeArg of sizes) {
  const size = Number(sizeArg);
  const blob = patternBlob(size, seed);
  let best = Infinity;
  let total = 0;
  let runs = 0;
  let blobId = null;
  while (runs < 1 || total < minSeconds) {
    const { primary, secondary } = sliverBuffers(size, n);
    const t0 = process.hrtime.bigint();
    const [metadata] = encoder.encode(blob, primary, secondary);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    best = Math.min(best, s);
    total += s;
    runs++;
    blobId = metadata.blob_id;
  }
  const idBytes = blobId instanceof Uint8Array || Array.isArray(blobId) ? toHex(blobId) : String(blobId);
  console.log(JSON.stringify({ n_shards: n, size, seconds: best, runs, blob_id_hex: idBytes }));
}
