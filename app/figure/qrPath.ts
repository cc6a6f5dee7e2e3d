/**
 * A QR code as one SVG path, for an address printed under a figure: a rectangle one module high per run of dark
 * modules in a row: half the path a square per module takes (every prerendered figure carries one).
 */
import qrcode from 'qrcode-generator';

export function qrPath(text: string): { size: number; d: string } {
  // Type 0: the smallest version that holds the text; M: 15% of the code may be lost (a crease, a smudge).
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      if (!qr.isDark(r, c)) continue;
      let n = 1;
      while (c + n < size && qr.isDark(r, c + n)) n++;
      d += `M${c} ${r}h${n}v1h-${n}z`;
      c += n;
    }
  return { size, d };
}
