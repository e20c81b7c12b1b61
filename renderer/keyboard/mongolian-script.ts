/**
 * The traditional Mongolian keyboard: the letters where the PRC national standard GB/T 28038-2011
 * (§4.3, the layout Linux ships as "Mongolian (Bichig)") puts them on a QWERTY board, so a visitor
 * who types Mongolian on a computer finds them in the same places; shift gives the letters for
 * foreign words. Letters are stored as Unicode letters: the font picks each one's initial, medial or
 * final shape.
 */

/** The narrow no-break space that joins a case suffix to its word (ᠨᠠᠷᠠ ᠶᠢᠨ). */
export const SUFFIX_SPACE = '\u202f';
/** The Mongolian vowel separator: a final ᠠ or ᠡ written apart from its word (as in ᠬᠠᠷ + MVS + ᠠ). */
export const VOWEL_SEPARATOR = '\u180e';

const digits = [...'1234567890'];

/** The two spaces sit where the standard has them, on the key after 0; ᠂ and ᠃ on the comma and full stop. */
export const mongolianScriptRows: readonly (readonly string[])[] = [
  [...digits, SUFFIX_SPACE, VOWEL_SEPARATOR],
  [...'ᠣᠸᠡᠷᠲᠶᠦᠢᠥᠫ'],
  [...'ᠠᠰᠳᠹᠭᠬᠵᠺᠯ'],
  [...'ᠽᠱᠴᠤᠪᠨᠮ᠂᠃'],
];

/** Shift: ᡂ ᠧ ᠿ ᠾ ᠻ ᡀ ᡁ ᠼ ᠩ in the places of ᠣ ᠡ ᠷ ᠬ ᠺ ᠯ ᠽ ᠴ ᠨ; the rest as unshifted. */
export const mongolianScriptShiftedRows: readonly (readonly string[])[] = [
  mongolianScriptRows[0]!,
  [...'ᡂᠸᠧᠿᠲᠶᠦᠢᠥᠫ'],
  [...'ᠠᠰᠳᠹᠭᠾᠵᠻᡀ'],
  [...'ᡁᠱᠼᠤᠪᠩᠮ᠂᠃'],
];

const isLetter = (key: string | undefined) => key !== undefined && key >= '\u1820' && key <= '\u1842';
const separable = (key: string | undefined) => key === 'ᠠ' || key === 'ᠡ';

/**
 * Joins the keys, keeping a vowel separator only where it means something: after a letter, before
 * a word's final ᠠ or ᠡ (or last, while the visitor has yet to type that vowel). Anywhere else it
 * would change nothing on screen.
 */
export function composeMongolian(keys: readonly string[]): string {
  return keys
    .filter(
      (key, at) =>
        key !== VOWEL_SEPARATOR ||
        (isLetter(keys[at - 1]) && (at === keys.length - 1 || (separable(keys[at + 1]) && !isLetter(keys[at + 2])))),
    )
    .join('');
}
