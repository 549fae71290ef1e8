// Hand-written PDFs for the hostile-file tests: objects given as strings, the xref table and
// trailer computed, so a test can say exactly what the file contains (JavaScript actions, a
// broken font program, an /Encrypt dictionary, a page with no text).
export function buildPdf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function stream(content: string, dict = ''): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} ${dict}>>\nstream\n${content}\nendstream`;
}

/** One page showing `text` (ASCII) in font /F1, whose definition is given. */
export function pdfWithText(text: string, font: string[], catalogExtra = '', trailerExtra = ''): Uint8Array {
  const content = `BT /F1 24 Tf 72 700 Td (${text}) Tj ET`;
  return buildPdf(
    [
      `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      stream(content),
      ...font,
    ],
    trailerExtra,
  );
}

export const HELVETICA = ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];

/** A Type1 font whose embedded program is garbage dressed as PostScript with an eexec section. */
export const BROKEN_TYPE1 = [
  '<< /Type /Font /Subtype /Type1 /BaseFont /Evil /FirstChar 32 /LastChar 126 /Widths [' + ' 500'.repeat(95) + '] /FontDescriptor 6 0 R >>',
  '<< /Type /FontDescriptor /FontName /Evil /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>',
  stream(
    '%!PS-AdobeFont-1.0: Evil 001\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n/FontName /Evil def\n' +
      '/CharStrings 1 dict dup begin /.notdef {alert(1)} def end\ncurrentfile eexec\n' + 'd9d66f633b846a989b9974b0179fc6cc'.repeat(40) + '\n' +
      '0'.repeat(512) + '\ncleartomark',
    '/Length1 200 /Length2 1280 /Length3 512',
  ),
];

/** A catalog that runs JavaScript on open, and a page action too. */
export const OPEN_ACTION_JS = '/OpenAction << /S /JavaScript /JS (app.alert\\("pwned"\\); this.exportDataObject\\({cName: "x", nLaunch: 2}\\);) >> /Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (app.launchURL\\("https://attacker.example/"\\);) >>] >> >>';

/** A standard-security-handler /Encrypt dictionary whose keys match no empty password. */
export function encryptedPdf(): Uint8Array {
  const o = '<' + 'a1'.repeat(32) + '>';
  const u = '<' + 'b2'.repeat(32) + '>';
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
      stream('BT ET'),
      `<< /Filter /Standard /V 1 /R 2 /O ${o} /U ${u} /P -44 >>`,
    ],
    '/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ',
  );
}

/** A page with only an image-like drawing and no text, as a scan has. */
export function scannedPdf(): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    stream('q 0.5 g 72 72 468 648 re f Q'),
  ]);
}
