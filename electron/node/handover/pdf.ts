// The handover report as a PDF, without Electron: pdfkit lays out the same sections as the HTML page, with
// the figures as vector drawing, and embeds the subset of a CJK font it used, so the Chinese text can be
// searched and copied. The font is the workstation's own (we ship none): --pdf-font / LIANQIN_PDF_FONT, a
// font put in <data>/fonts, or a known system CJK font (Noto CJK, WenQuanYi, Microsoft YaHei, SimSun,
// PingFang). With none, the PDF is refused with the places tried; the HTML report needs no font.
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { reportSections } from '../../common/handover/document';
import type { Figure } from '../../common/handover/figures';
import type { ReportLocale } from '../../common/handover/labels';
import type { HandoverRecord, HandoverReport } from '../../common/handover/types';
import { ServiceError } from '../../common/errors';

/** Known CJK fonts by platform, with the face to take from a collection. */
export const SYSTEM_CJK_FONTS: readonly { file: string; face?: string }[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' },
  { file: 'C:\\Windows\\Fonts\\simsun.ttc', face: 'SimSun' },
  { file: 'C:\\Windows\\Fonts\\simhei.ttf' },
  { file: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
  { file: '/Library/Fonts/Arial Unicode.ttf' },
];

/** `file.ttc#Face` or a plain file */
function parseFontSpec(spec: string): { file: string; face?: string } {
  const i = spec.lastIndexOf('#');
  return i > 0 ? { file: spec.slice(0, i), face: spec.slice(i + 1) } : { file: spec };
}

/** The font to use, or an 'unavailable' error naming every place tried and how to fix it. */
export function findCjkFont(opts: { explicit?: string; dataDir?: string; env?: NodeJS.ProcessEnv }): {
  file: string;
  face?: string;
} {
  const tried: string[] = [];
  const candidates: { file: string; face?: string }[] = [];
  const explicit = opts.explicit ?? opts.env?.LIANQIN_PDF_FONT;
  if (explicit) candidates.push(parseFontSpec(explicit));
  if (opts.dataDir) {
    const dir = path.join(opts.dataDir, 'fonts');
    tried.push(`${dir}/*.ttf|otf|ttc`);
    if (fs.existsSync(dir))
      for (const f of fs.readdirSync(dir).sort())
        if (/\.(ttf|otf)$/i.test(f)) candidates.push({ file: path.join(dir, f) });
  }
  candidates.push(...SYSTEM_CJK_FONTS);
  for (const c of candidates) {
    tried.push(c.file);
    if (fs.existsSync(c.file)) return c;
    if (c.file === explicit) break;
  }
  throw new ServiceError(
    'unavailable',
    `no CJK font for the PDF (tried ${tried.join(', ')}); install one (Debian: apt-get install fonts-noto-cjk), ` +
      'put a .ttf/.otf in <data>/fonts, or start with --pdf-font <file.ttf | file.ttc#PostScriptName>; ' +
      'format=html needs no font',
    { field: 'format' },
  );
}

function drawFigure(doc: PDFKit.PDFDocument, f: Figure, x0: number, y0: number, scale: number): void {
  doc.save();
  for (const i of f.items) {
    if (i.t === 'line' && i.pts.length > 1) {
      doc.moveTo(x0 + i.pts[0][0] * scale, y0 + i.pts[0][1] * scale);
      for (const [x, y] of i.pts.slice(1)) doc.lineTo(x0 + x * scale, y0 + y * scale);
      if (i.dash) doc.dash(3, { space: 2 });
      doc
        .lineWidth(i.w * scale)
        .strokeColor(i.c)
        .stroke();
      doc.undash();
    } else if (i.t === 'dot') doc.circle(x0 + i.x * scale, y0 + i.y * scale, i.r * scale).fill(i.c);
    else if (i.t === 'rect') doc.rect(x0 + i.x * scale, y0 + i.y * scale, i.w * scale, i.h * scale).fill(i.c);
    else if (i.t === 'text') {
      const size = i.size * scale;
      doc.fontSize(size).fillColor(i.c);
      const w = doc.widthOfString(i.s);
      const dx = i.anchor === 'middle' ? -w / 2 : i.anchor === 'end' ? -w : 0;
      doc.text(i.s, x0 + i.x * scale + dx, y0 + i.y * scale - size * 0.85, { lineBreak: false });
    }
  }
  doc.restore();
}

export function renderHandoverPdf(
  r: HandoverReport,
  record: HandoverRecord | null,
  locale: ReportLocale,
  font: { file: string; face?: string },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: 'Lianqin handover report', Author: 'Lianqin Console' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.face);
  doc.font('cjk');
  const width = doc.page.width - 96;
  const room = (h: number) => {
    if (doc.y + h > doc.page.height - 48) doc.addPage();
  };
  reportSections(r, record, locale).forEach((s, k) => {
    room(40);
    doc.moveDown(k ? 0.6 : 0);
    doc
      .fontSize(k === 0 ? 18 : 13)
      .fillColor('#1d2733')
      .text(s.heading, { width });
    doc.moveDown(0.2);
    doc.fontSize(9.5);
    for (const l of s.lines) {
      room(14);
      doc.text(l, { width });
    }
    for (const row of s.table?.rows ?? []) {
      room(14);
      doc.fillColor('#33414f').text(row.filter(Boolean).join('   '), { width });
    }
    for (const fig of s.figures ?? []) {
      const scale = Math.min(1, width / fig.figure.w);
      room(fig.figure.h * scale + 24);
      const y = doc.y + 4;
      drawFigure(doc, fig.figure, 48, y, scale);
      doc
        .fontSize(9)
        .fillColor('#1d2733')
        .text(fig.caption, 48, y + fig.figure.h * scale + 4, { width });
      doc.moveDown(0.4);
    }
  });
  doc.end();
  return done;
}
