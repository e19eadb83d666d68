// The add-in's own icons, drawn from a few shapes at every size Office asks for and written as PNG:
// no binary files in the repository, nothing borrowed.
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
/** Coverage test in icon space (0–1 on both axes, y down). */
type Shape = (x: number, y: number) => boolean;
type Layer = { shape: Shape; color: Rgba };

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;
export const ICON_NAMES = ['app', 'check', 'summary', 'clear'] as const;
export type IconName = (typeof ICON_NAMES)[number];

const hex = (value: string, alpha = 255): Rgba => [parseInt(value.slice(1, 3), 16), parseInt(value.slice(3, 5), 16), parseInt(value.slice(5, 7), 16), alpha];
const BLUE = hex('#0F5C9E');
const WHITE = hex('#FFFFFF');
const PAPER_EDGE = hex('#6B6B6B');
const GOLD = hex('#FFCD00');
const GREEN = hex('#107C10');
const MARK = hex('#FF9B9B');
const GREY = hex('#9E9E9E');

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
}

function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  return (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function polygon(points: ReadonlyArray<[number, number]>): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] as [number, number];
      const [xj, yj] = points[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A stroke along a polyline, `width` wide, with round joins. */
function stroke(points: ReadonlyArray<[number, number]>, width: number): Shape {
  const half = width / 2;
  return (x, y) => {
    for (let i = 1; i < points.length; i += 1) {
      const [ax, ay] = points[i - 1] as [number, number];
      const [bx, by] = points[i] as [number, number];
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      if ((x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= half * half) return true;
    }
    return false;
  };
}

function star(cx: number, cy: number, outer: number, inner: number): Shape {
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return polygon(points);
}

/** Part t0–t1 of a bar of width `w` laid along A→B (for a tilted eraser). */
function band(ax: number, ay: number, bx: number, by: number, w: number, t0: number, t1: number): Shape {
  const [dx, dy] = [bx - ax, by - ay];
  const length = Math.hypot(dx, dy);
  const [nx, ny] = [(-dy / length) * (w / 2), (dx / length) * (w / 2)];
  const at = (t: number): [number, number] => [ax + dx * t, ay + dy * t];
  const [p0, p1] = [at(t0), at(t1)];
  return polygon([
    [p0[0] + nx, p0[1] + ny],
    [p1[0] + nx, p1[1] + ny],
    [p1[0] - nx, p1[1] - ny],
    [p0[0] - nx, p0[1] - ny],
  ]);
}

/** A sheet of paper: an edge, then white inside it. */
function paper(x0: number, y0: number, x1: number, y1: number, edge: number): Layer[] {
  return [
    { shape: rect(x0, y0, x1, y1), color: PAPER_EDGE },
    { shape: rect(x0 + edge, y0 + edge, x1 - edge, y1 - edge), color: WHITE },
  ];
}

function layersOf(name: IconName, size: number): Layer[] {
  // Lines must stay at least a pixel wide at 16 px.
  const edge = Math.max(1 / size, 0.035);
  switch (name) {
    case 'app':
      return [
        { shape: roundedRect(0.02, 0.02, 0.98, 0.98, 0.18), color: BLUE },
        { shape: rect(0.2, 0.5, 0.8, 0.6), color: WHITE },
        { shape: rect(0.2, 0.7, 0.8, 0.8), color: WHITE },
        { shape: rect(0.5, 0.3, 0.8, 0.4), color: WHITE },
        { shape: star(0.3, 0.31, 0.2, 0.08), color: GOLD },
      ];
    case 'check':
      return [
        ...paper(0.12, 0.04, 0.78, 0.92, edge),
        { shape: rect(0.24, 0.22, 0.66, 0.22 + edge), color: GREY },
        { shape: rect(0.24, 0.38, 0.66, 0.38 + edge), color: GREY },
        { shape: stroke([[0.36, 0.66], [0.54, 0.84], [0.92, 0.4]], Math.max(2 / size, 0.14)), color: GREEN },
      ];
    case 'summary':
      return [
        ...paper(0.3, 0.04, 0.96, 0.7, edge),
        ...paper(0.04, 0.26, 0.72, 0.96, edge),
        { shape: rect(0.16, 0.62, 0.28, 0.86), color: BLUE },
        { shape: rect(0.33, 0.46, 0.45, 0.86), color: BLUE },
        { shape: rect(0.5, 0.54, 0.62, 0.86), color: GOLD },
      ];
    case 'clear': {
      const [ax, ay, bx, by] = [0.52, 0.8, 0.9, 0.24];
      const width = 0.3;
      return [
        ...paper(0.04, 0.24, 0.74, 0.94, edge),
        { shape: rect(0.04 + edge, 0.52, 0.42, 0.94 - edge), color: MARK },
        { shape: band(ax, ay, bx, by, width + 2 * edge, -edge, 1 + edge), color: PAPER_EDGE },
        { shape: band(ax, ay, bx, by, width, 0, 0.38), color: WHITE },
        { shape: band(ax, ay, bx, by, width, 0.38, 1), color: BLUE },
      ];
    }
  }
}

/** Paints the layers with 4×4 supersampling, so edges are smooth at 16 px as at 80 px. */
export function drawIcon(name: IconName, size: number): Uint8Array {
  const layers = layersOf(name, size);
  const pixels = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color: Rgba = [0, 0, 0, 0];
          for (const layer of layers) if (layer.shape(x, y)) color = layer.color;
          const a = color[3] / 255;
          sum[0] = (sum[0] as number) + color[0] * a;
          sum[1] = (sum[1] as number) + color[1] * a;
          sum[2] = (sum[2] as number) + color[2] * a;
          sum[3] = (sum[3] as number) + a;
        }
      }
      const coverage = sum[3] as number;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) pixels[offset + c] = coverage > 0 ? Math.round((sum[c] as number) / coverage) : 0;
      pixels[offset + 3] = Math.round((coverage / (n * n)) * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA, 8 bits per channel, no filtering: small enough at these sizes. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y += 1) Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]));
}

/** `icon-check-32.png`; the add-in's own icon is `icon-32.png`. */
export function iconFileName(name: IconName, size: number): string {
  return name === 'app' ? `icon-${size}.png` : `icon-${name}-${size}.png`;
}
