import QRCode from 'qrcode';

/**
 * The join link as a QR code. For the terminal: black on white in colour codes, which scans on
 * a dark or a light terminal; and without escape codes (for NO_COLOR and streams without
 * colour), the light modules drawn as blocks, which scans on a dark terminal, the common
 * case. For the board: an SVG.
 */
export async function joinQr(url: string): Promise<{ terminal: string; plain: string; svg: string }> {
  const [terminal, plain, svg] = await Promise.all([
    QRCode.toString(url, { type: 'terminal', small: true }),
    QRCode.toString(url, { type: 'utf8', margin: 2, color: { dark: '#ffffff', light: '#000000' } }),
    QRCode.toString(url, { type: 'svg', margin: 2 }),
  ]);
  return { terminal, plain, svg };
}
