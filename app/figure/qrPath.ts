/** A QR code as one SVG path (a unit square per dark module), for an address printed under a figure. */
import qrcode from 'qrcode-generator';

export function qrPath(text: string): { size: number; d: string } {
  // Type 0: the smallest version that holds the text; M: 15% of the code may be lost (a crease, a smudge).
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (qr.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
  return { size, d };
}
