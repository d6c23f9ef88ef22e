import QRCode from 'qrcode';

/** The join link as a QR code: block characters for the terminal, and an SVG for the board. */
export async function joinQr(url: string): Promise<{ terminal: string; svg: string }> {
  const [terminal, svg] = await Promise.all([QRCode.toString(url, { type: 'terminal', small: true }), QRCode.toString(url, { type: 'svg', margin: 2 })]);
  return { terminal, svg };
}
