// Google's encoded polyline format, which Strava uses for `map.polyline`/`summary_polyline`.

function encodeValue(v: number): string {
  let n = v < 0 ? ~(v << 1) : v << 1;
  let out = '';
  while (n >= 0x20) {
    out += String.fromCharCode((0x20 | (n & 0x1f)) + 63);
    n >>>= 5;
  }
  return out + String.fromCharCode(n + 63);
}

export function encodePolyline(points: readonly (readonly [number, number])[]): string {
  let lat = 0;
  let lng = 0;
  let out = '';
  for (const [la, ln] of points) {
    const a = Math.round(la * 1e5);
    const b = Math.round(ln * 1e5);
    out += encodeValue(a - lat) + encodeValue(b - lng);
    lat = a;
    lng = b;
  }
  return out;
}
