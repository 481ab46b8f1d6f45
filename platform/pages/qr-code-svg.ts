import { encode } from 'uqr';

/**
 * A QR code of `text` as an SVG element: one path of the dark modules drawn from the code's
 * matrix (uqr), so nothing of `text` itself is written into the markup. `sizeMm` is its printed side.
 */
export function qrCodeSvg(text: string, sizeMm: number, label: string): string {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  const safeLabel = label.replace(/[<>&"]/g, '');
  return `<svg class="qr" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${safeLabel}" viewBox="0 0 ${size} ${size}" width="${sizeMm}mm" height="${sizeMm}mm" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
