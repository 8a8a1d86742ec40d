// Draws the toolbar icons (a teal disc with a white rebound arrow) as PNGs into public/icon/.
// Run once after changing the design: npx tsx scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [14, 124, 102];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage of the shape at (x, y) in a unit square centred at 0.5. */
function shade(x: number, y: number): [number, number, number, number] {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  if (r > 0.48) return [0, 0, 0, 0];
  const angle = Math.atan2(dy, dx); // -π..π, 0 = right
  const onRing = r > 0.22 && r < 0.33 && !(angle > -Math.PI / 2 && angle < -Math.PI / 8);
  // Arrowhead at the ring's open end (top), pointing right.
  const ax = dx - 0.02;
  const ay = dy + 0.275;
  const inHead = ax > -0.1 && ax < 0.1 && Math.abs(ay) < 0.1 - ax * 0.9 && ax < 0.1;
  return onRing || inHead ? [255, 255, 255, 255] : [TEAL[0]!, TEAL[1]!, TEAL[2]!, 255];
}

function png(size: number): Buffer {
  const ss = 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const p = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          for (let i = 0; i < 3; i++) acc[i]! += p[i]! * p[3]!;
          acc[3]! += p[3]!;
        }
      const a = acc[3]! / (ss * ss);
      for (let i = 0; i < 3; i++) row[1 + x * 4 + i] = a ? Math.round(acc[i]! / acc[3]!) : 0;
      row[1 + x * 4 + 3] = Math.round(a);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
