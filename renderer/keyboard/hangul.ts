/**
 * Hangul 2-set (두벌식) composition: turns the jamo a visitor taps, in order, into syllables, the
 * way a Korean keyboard does (compound vowels, double finals, a final moving to the next syllable).
 * Pure and deterministic, so the keyboard keeps keystrokes and recomposes; backspace drops one jamo.
 */

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
/** Index 0 is "no final consonant". */
const FINALS = '\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';

const SYLLABLE_BASE = 0xac00;

/** Two vowels typed one after the other that make one compound vowel. */
const COMPOUND_VOWELS: Record<string, string> = {
  ㅗㅏ: 'ㅘ',
  ㅗㅐ: 'ㅙ',
  ㅗㅣ: 'ㅚ',
  ㅜㅓ: 'ㅝ',
  ㅜㅔ: 'ㅞ',
  ㅜㅣ: 'ㅟ',
  ㅡㅣ: 'ㅢ',
};

/** Two consonants typed after a vowel that make one double final. */
const COMPOUND_FINALS: Record<string, string> = {
  ㄱㅅ: 'ㄳ',
  ㄴㅈ: 'ㄵ',
  ㄴㅎ: 'ㄶ',
  ㄹㄱ: 'ㄺ',
  ㄹㅁ: 'ㄻ',
  ㄹㅂ: 'ㄼ',
  ㄹㅅ: 'ㄽ',
  ㄹㅌ: 'ㄾ',
  ㄹㅍ: 'ㄿ',
  ㄹㅎ: 'ㅀ',
  ㅂㅅ: 'ㅄ',
};

export function isHangulConsonant(jamo: string): boolean {
  return jamo.length === 1 && INITIALS.includes(jamo);
}

export function isHangulVowel(jamo: string): boolean {
  return jamo.length === 1 && VOWELS.includes(jamo);
}

export function isHangulJamo(key: string): boolean {
  return isHangulConsonant(key) || isHangulVowel(key);
}

/** ㄸ, ㅃ and ㅉ never close a syllable; they always begin the next one. */
function canBeFinal(consonant: string): boolean {
  return FINALS.includes(consonant);
}

function syllable(initial: string, vowel: string, final = ''): string {
  const l = INITIALS.indexOf(initial);
  const v = VOWELS.indexOf(vowel);
  const t = final ? FINALS.indexOf(final) : 0;
  return String.fromCharCode(SYLLABLE_BASE + (l * VOWELS.length + v) * FINALS.length + t);
}

/**
 * The syllable being built. A vowel or final is kept as the jamo typed (one or two), so a
 * compound can be split again when the next key asks for it.
 */
interface Block {
  initial?: string;
  vowel: string[];
  final: string[];
}

function render(block: Block): string {
  const vowel = block.vowel.length === 2 ? COMPOUND_VOWELS[block.vowel.join('')]! : block.vowel[0];
  const final = block.final.length === 2 ? COMPOUND_FINALS[block.final.join('')]! : (block.final[0] ?? '');
  if (block.initial && vowel) return syllable(block.initial, vowel, final);
  return (block.initial ?? '') + (vowel ?? '') + final;
}

/**
 * Composes a run of keystrokes. Keys that are not Hangul jamo (spaces, digits, Latin letters)
 * pass through unchanged and close the syllable before them.
 */
export function composeHangul(keys: readonly string[]): string {
  let out = '';
  let block: Block | undefined;
  const flush = () => {
    if (block) out += render(block);
    block = undefined;
  };

  for (const key of keys) {
    if (isHangulVowel(key)) {
      if (!block) {
        block = { vowel: [key], final: [] };
      } else if (block.final.length > 0) {
        // The last final consonant moves on: 닭 + ㅏ → 달가, 각 + ㅏ → 가가.
        const moving = block.final.pop()!;
        flush();
        block = { initial: moving, vowel: [key], final: [] };
      } else if (block.vowel.length === 0) {
        block.vowel.push(key);
      } else if (block.vowel.length === 1 && COMPOUND_VOWELS[block.vowel[0] + key]) {
        block.vowel.push(key);
      } else {
        flush();
        block = { vowel: [key], final: [] };
      }
    } else if (isHangulConsonant(key)) {
      if (!block) {
        block = { initial: key, vowel: [], final: [] };
      } else if (block.initial && block.vowel.length > 0 && block.final.length === 0 && canBeFinal(key)) {
        block.final.push(key);
      } else if (block.final.length === 1 && COMPOUND_FINALS[block.final[0] + key]) {
        block.final.push(key);
      } else {
        flush();
        block = { initial: key, vowel: [], final: [] };
      }
    } else {
      flush();
      out += key;
    }
  }
  flush();
  return out;
}

/**
 * Drops trailing jamo that are not yet part of a syllable (태ㅇ → 태), so a search while the
 * visitor is still typing looks for what they have already spelled.
 */
export function withoutTrailingJamo(text: string): string {
  let end = text.length;
  while (end > 0 && isCompatibilityJamo(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

function isCompatibilityJamo(code: number): boolean {
  return code >= 0x3131 && code <= 0x318e;
}
