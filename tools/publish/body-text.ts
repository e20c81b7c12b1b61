/**
 * Cleans an item's body text before it goes into the manifest. What a PDF's broken ToUnicode or a stray
 * byte leaves behind (U+0000, private-use code points) is not text: it would be indexed as words and show
 * in search snippets. Titles and summaries are refused with such characters; a body is cleaned instead,
 * since the publisher did not write it by hand.
 */

// C0 controls but tab and line feed, DEL, C1, and the bidi embeddings, overrides and isolates titles refuse:
// each becomes a space, since it often stood between two words.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Private use (the BMP's area and planes 15 and 16), lone surrogates and noncharacters have no meaning of
// their own: they go.
const notText = /[\p{Co}\p{Cs}\p{Noncharacter_Code_Point}]/gu;

export function cleanBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(controls, ' ').replace(notText, '');
}
