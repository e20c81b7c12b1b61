/**
 * GIFT text in its declared format, reduced to the plain text a quiz set holds: kiosks show quiz text as text,
 * so HTML and Markdown keep their words and line breaks and lose every tag; entities are decoded.
 */
import { Parser } from 'htmlparser2';
import { marked } from 'marked';
import type { GiftFormat } from './gift-grammar.ts';

/** Elements that start a new line when shown; their text would otherwise run into the next block's. */
const blockElements = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
/** Elements whose content is not words for the reader. */
const hiddenElements = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

/**
 * `moodle` (GIFT's default, Moodle's auto-format) lets HTML through and keeps the writer's line breaks;
 * `html` and `markdown` make breaks only from markup; `plain` is taken as written.
 */
export function plainText(text: string, format: GiftFormat): string {
  switch (format) {
    case 'plain':
      return tidy(text);
    case 'moodle':
      return /[<&]/.test(text) ? htmlText(text, true) : tidy(text);
    case 'html':
      return htmlText(text, false);
    case 'markdown':
      return htmlText(marked.parse(text, { async: false, gfm: true }), false);
  }
}

function htmlText(html: string, keepBreaks: boolean): string {
  let text = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (hiddenElements.has(name)) hidden++;
        else if (blockElements.has(name)) text += '\n';
        else if (name === 'img' && attributes.alt) text += attributes.alt;
      },
      onclosetag(name) {
        if (hiddenElements.has(name)) hidden = Math.max(0, hidden - 1);
        else if (blockElements.has(name) && name !== 'br') text += '\n';
      },
      ontext(words) {
        if (hidden === 0) text += keepBreaks ? words : words.replace(/[ \t\n\r\f]+/g, ' ');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  // Without the writer's breaks, the empty lines left between two blocks' elements mean nothing.
  return tidy(text, keepBreaks);
}

/**
 * Trims each line and collapses runs of spaces; keeps at most one empty line between paragraphs when the
 * writer's breaks count, and none otherwise.
 */
function tidy(text: string, emptyLines = true): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t]+/g, ' ').trim());
  const kept = emptyLines ? lines.join('\n').replace(/\n{3,}/g, '\n\n') : lines.filter(Boolean).join('\n');
  return kept.trim();
}
