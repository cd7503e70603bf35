/**
 * Makes the demo's media without downloading anything: landscape illustrations drawn as SVG
 * and rendered to JPEG with sharp, and PDFs with Vietnamese text (pdfkit + DejaVu Sans).
 */
import { createRequire } from 'node:module';
import sharp from 'sharp';
import PDFDocument from 'pdfkit';

const requireHere = createRequire(__filename);

/** Colour schemes of the illustrations: sky, far hills, near fields, accent. */
const PALETTES = [
  ['#cfe8f7', '#6fa86a', '#3f7d3a', '#f2c94c'],
  ['#fde2c8', '#c98b5b', '#7a9a45', '#d9534f'],
  ['#dfe9f3', '#7f9cb5', '#4e7d9c', '#ffffff'],
  ['#e9f5db', '#97c480', '#5b8c3c', '#e76f51'],
  ['#f6f0e1', '#b8a07e', '#7c9a5e', '#2a9d8f'],
  ['#e3f2fd', '#90caf9', '#1e88e5', '#fbc02d'],
];

/** An original landscape (fields, hills, sun, a house row) as SVG, varied by `seed`. */
export function illustrationSvg(seed: number, width = 1200, height = 675): string {
  const [sky, hills, fields, accent] = PALETTES[seed % PALETTES.length] as [string, string, string, string];
  const r = (n: number) => ((seed * 9301 + n * 49297) % 233280) / 233280;
  const sunX = Math.round(width * (0.15 + 0.7 * r(1)));
  const houses = Array.from({ length: 5 }, (_, i) => {
    const x = Math.round(width * (0.1 + i * 0.17 + 0.05 * r(i + 2)));
    const h = Math.round(60 + 40 * r(i + 7));
    return `<rect x="${x}" y="${height * 0.62 - h}" width="90" height="${h}" fill="#f4f1ea"/><polygon points="${x - 10},${height * 0.62 - h} ${x + 45},${height * 0.62 - h - 45} ${x + 100},${height * 0.62 - h}" fill="${accent}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="100%" height="100%" fill="${sky}"/>
<circle cx="${sunX}" cy="${height * 0.22}" r="${50 + 20 * r(3)}" fill="#ffd54f"/>
<path d="M0 ${height * 0.55} Q ${width * 0.25} ${height * (0.35 + 0.1 * r(4))} ${width * 0.5} ${height * 0.5} T ${width} ${height * 0.45} V ${height} H 0 Z" fill="${hills}"/>
${houses}
<path d="M0 ${height * 0.62} H ${width} V ${height} H 0 Z" fill="${fields}"/>
${Array.from({ length: 8 }, (_, i) => `<path d="M${(i * width) / 8} ${height} L ${width / 2} ${height * 0.62}" stroke="#ffffff" stroke-opacity="0.25" stroke-width="6"/>`).join('')}
</svg>`;
}

/** A JPEG of the illustration for `seed`. */
export async function illustrationJpeg(seed: number): Promise<Buffer> {
  return sharp(Buffer.from(illustrationSvg(seed))).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
}

/** A one-page A4 PDF with a heading and lines of Vietnamese text. */
export function documentPdf(agency: string, heading: string, lines: string[]): Promise<Buffer> {
  const regular = requireHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
  const bold = requireHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 60, info: { Title: heading, Author: agency } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(bold).fontSize(11).text(agency.toUpperCase(), { align: 'left' });
    doc.font(regular).fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc', { align: 'right' });
    doc.moveDown(2);
    doc.font(bold).fontSize(14).text(heading, { align: 'center' });
    doc.moveDown();
    doc.font(regular).fontSize(12);
    for (const line of lines) doc.text(line, { align: 'justify' }).moveDown(0.5);
    doc.moveDown(2).fontSize(10).text('Tài liệu mẫu của bản trình diễn Cổng.', { align: 'right' });
    doc.end();
  });
}
