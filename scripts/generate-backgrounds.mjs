// Writes the bundled virtual backgrounds (public/backgrounds/*.png): plain gradients and a
// pattern drawn here, pixel by pixel, so nothing is downloaded and nothing needs a licence.
// Run: node scripts/generate-backgrounds.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const W = 640;
const H = 360;

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(pixel) {
  const raw = Buffer.alloc((W * 3 + 1) * H);
  for (let y = 0; y < H; y++) {
    raw[y * (W * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < W; x++) {
      const [r, g, b] = pixel(x / (W - 1), y / (H - 1), x, y);
      const o = y * (W * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));

const backgrounds = {
  // Calm blue, lighter towards the top right: an office wall in morning light.
  'calm-blue': (u, v) => mix([44, 61, 179], [174, 190, 250], Math.min(1, (u + (1 - v)) / 1.6)),
  // Warm evening: amber low, rose high.
  'warm-evening': (u, v) => mix([251, 191, 120], [190, 92, 140], Math.min(1, (1 - v) * 0.8 + u * 0.3)),
  // Soft grey with a quiet grid, like a studio backdrop.
  'studio-grid': (u, v, x, y) => {
    const base = mix([236, 238, 244], [205, 210, 222], Math.hypot(u - 0.5, v - 0.45));
    const line = x % 40 === 0 || y % 40 === 0;
    return line ? base.map((c) => c - 12) : base;
  },
};

for (const [name, pixel] of Object.entries(backgrounds)) {
  writeFileSync(new URL(`../public/backgrounds/${name}.png`, import.meta.url), png(pixel));
  console.log(`public/backgrounds/${name}.png`);
}
