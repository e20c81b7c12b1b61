/**
 * Words no nickname may hold in Mongolian, in Cyrillic and in the traditional script: the maintained lists
 * (naughty-words) have none for Mongolian, so this one is ours. Kept short and plain (insults, swearing,
 * body words used as insults); a native reader should review it with every release, as the closing notes say.
 */
export const mongolianBlocklist: readonly string[] = [
  // Cyrillic
  'новш',
  'гичий',
  'пизда',
  'баас',
  'шээс',
  'бөгс',
  'тэнэг',
  'мангар',
  'золиг',
  'лалар',
  'ямбий',
  'янхан',
  'шаалга',
  'дүүдээ',
  'ээжийгээ',
  'өмхий',
  'муу нохой',
  'гахай',
  'хог новш',
  'хулгайч',
  // Traditional script
  'ᠨᠣᠰᠢ',
  'ᠭᠢᠴᠢ',
  'ᠪᠠᠭᠠᠰᠤ',
  'ᠰᠢᠭᠡᠰᠦ',
  'ᠪᠡᠭᠡᠰᠦ',
  'ᠲᠡᠨᠡᠭ',
  'ᠮᠠᠩᠭᠠᠷ',
  'ᠵᠣᠯᠢᠭ',
  'ᠶᠠᠩᠬᠠᠨ',
  'ᠥᠮᠬᠡᠢ',
  'ᠭᠠᠬᠠᠢ',
];
