/**
 * The words of the exchange leaflet (`exchange-pack.ts`), ICU messages in every content language. The Mongolian
 * ones reuse the kiosk's own words (renderer messages) where it has them.
 */
import type { ContentLanguage } from '../../../preload/contract/schemas.ts';

export interface ExchangeMessages {
  title: string;
  /** The shelf the leaflet stands on. */
  subject: string;
  /** {venues}, {from}, {to} */
  summary: string;
  /** {venues}, {from}, {to} */
  intro: string;
  venuesHeading: string;
  venuesText: string;
  venue: string;
  visits: string;
  opened: string;
  hours: string;
  quiz: string;
  itemsHeading: string;
  itemsText: string;
  noItems: string;
  item: string;
  /** {contest} */
  contestHeading: string;
  contestText: string;
  team: string;
  average: string;
  attempts: string;
  /** {hours}, {visits}: already formatted */
  fact: string;
  footer: string;
}

export const exchangeMessages: Record<ContentLanguage, ExchangeMessages> = {
  en: {
    title: 'What the reading rooms achieved',
    subject: 'Reading rooms',
    summary:
      '{venues, plural, one {# reading room} other {# reading rooms}} side by side, {from} to {to}: visits, items opened, reading time and quizzes.',
    intro:
      'The figures of {venues, plural, one {# reading room} other {# reading rooms}} from {from} to {to}. The kiosks count how they are used, never who uses them.',
    venuesHeading: 'Reading rooms side by side',
    venuesText: 'The most visited first.',
    venue: 'Reading room',
    visits: 'Visits',
    opened: 'Items opened',
    hours: 'Reading (hours)',
    quiz: 'Quiz attempts',
    itemsHeading: 'Read the longest',
    itemsText: 'The items read the longest, all reading rooms together.',
    noItems: 'No item was read often enough yet to be named here.',
    item: 'Item',
    contestHeading: 'Contest: {contest}',
    contestText: 'Each unit’s average score in percent, over every reading room that ran the contest.',
    team: 'Unit',
    average: 'Average %',
    attempts: 'Attempts',
    fact: 'Together the reading rooms counted {hours} hours of reading and {visits} visits.',
    footer: 'Reading Room exchange: the centre’s figures',
  },
  ko: {
    title: '열람실들이 함께 이룬 것',
    subject: '열람실',
    summary: '열람실 {venues, plural, other {#곳}} 비교({from}~{to}): 방문, 연 자료, 읽은 시간, 퀴즈.',
    intro:
      '{from}부터 {to}까지 열람실 {venues, plural, other {#곳}}의 기록입니다. 키오스크는 이용 횟수만 세고, 누가 이용했는지는 기록하지 않습니다.',
    venuesHeading: '열람실 비교',
    venuesText: '방문이 많은 곳부터.',
    venue: '열람실',
    visits: '방문',
    opened: '연 자료',
    hours: '읽은 시간(시간)',
    quiz: '퀴즈 응시',
    itemsHeading: '가장 오래 읽은 자료',
    itemsText: '모든 열람실에서 가장 오래 읽은 자료입니다.',
    noItems: '여기에 소개할 만큼 자주 읽힌 자료가 아직 없습니다.',
    item: '자료',
    contestHeading: '대회: {contest}',
    contestText: '대회를 연 모든 열람실을 합친 각 단위의 평균 점수(%)입니다.',
    team: '단위',
    average: '평균 %',
    attempts: '참가 횟수',
    fact: '열람실들은 함께 {hours}시간을 읽었고 방문은 {visits}번이었습니다.',
    footer: '열람실 교류: 센터의 집계',
  },
  zh: {
    title: '各阅览室的成绩',
    subject: '阅览室',
    summary: '{venues, plural, other {#个}}阅览室的对比（{from}至{to}）：访问、打开的内容、阅读时间和测验。',
    intro: '这是{venues, plural, other {#个}}阅览室从{from}到{to}的数据。终端只统计使用情况，从不记录是谁在使用。',
    venuesHeading: '阅览室对比',
    venuesText: '按访问次数从多到少排列。',
    venue: '阅览室',
    visits: '访问',
    opened: '打开的内容',
    hours: '阅读（小时）',
    quiz: '测验次数',
    itemsHeading: '阅读时间最长的内容',
    itemsText: '所有阅览室合计阅读时间最长的内容。',
    noItems: '还没有阅读次数多到可以在这里列出的内容。',
    item: '内容',
    contestHeading: '竞赛：{contest}',
    contestText: '举办该竞赛的所有阅览室合计，各单位的平均得分（%）。',
    team: '单位',
    average: '平均 %',
    attempts: '答题次数',
    fact: '各阅览室合计阅读了{hours}小时，共有{visits}次访问。',
    footer: '阅览室交流：中心汇总',
  },
  'mn-Cyrl': {
    title: 'Уншлагын танхимуудын амжилт',
    subject: 'Уншлагын танхим',
    summary:
      'Уншлагын танхимуудын харьцуулалт ({venues, plural, other {# танхим}}, {from} – {to}): айлчлал, нээсэн зүйл, уншсан цаг, асуулт.',
    intro:
      '{from} – {to} хугацааны {venues, plural, other {# уншлагын танхимын}} тоо баримт. Киоск хэрэглээг тоолдог, хэн хэрэглэснийг хэзээ ч бүртгэдэггүй.',
    venuesHeading: 'Уншлагын танхимуудыг харьцуулбал',
    venuesText: 'Хамгийн их айлчлалтай нь эхэнд.',
    venue: 'Уншлагын танхим',
    visits: 'Айлчлал',
    opened: 'Нээсэн зүйл',
    hours: 'Уншсан цаг',
    quiz: 'Асуултад хариулсан',
    itemsHeading: 'Хамгийн удаан уншсан',
    itemsText: 'Бүх уншлагын танхимд нийтдээ хамгийн удаан уншсан зүйлс.',
    noItems: 'Энд нэрлэхүйц олон уншсан зүйл хараахан алга.',
    item: 'Зүйл',
    contestHeading: 'Тэмцээн: {contest}',
    contestText: 'Тэмцээн зохиосон бүх уншлагын танхимд нийтдээ нэгж бүрийн дундаж оноо, хувиар.',
    team: 'Нэгж',
    average: 'Дундаж %',
    attempts: 'Оролдлого',
    fact: 'Уншлагын танхимууд нийтдээ {hours} цаг уншиж, {visits} айлчлал хүлээн авсан.',
    footer: 'Уншлагын танхимын солилцоо: төвийн нэгтгэл',
  },
  'mn-Mong': {
    title: 'ᠤᠩᠰᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠩᠬᠢᠮ ᠤᠳ ᠤᠨ ᠠᠮᠵᠢᠯᠲᠠ',
    subject: 'ᠤᠩᠰᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠩᠬᠢᠮ',
    summary: '{venues} ᠤᠩᠰᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠩᠬᠢᠮ ({from} – {to})᠄ ᠠᠶᠢᠯᠴᠢᠯᠠᠯ᠂ ᠨᠡᠭᠡᠭᠰᠡᠨ ᠵᠦᠢᠯ᠂ ᠤᠩᠰᠢᠭᠰᠠᠨ ᠴᠠᠭ᠂ ᠠᠰᠠᠭᠤᠯᠲᠠ᠃',
    intro: '{from} – {to} ᠤ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ᠃ {venues} ᠤᠩᠰᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠩᠬᠢᠮ᠃',
    venuesHeading: 'ᠤᠩᠰᠢᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠩᠬᠢᠮ ᠤᠳ',
    venuesText: 'ᠠᠶᠢᠯᠴᠢᠯᠠᠯ ᠤᠨ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷ᠃',
    venue: 'ᠲᠠᠩᠬᠢᠮ',
    visits: 'ᠠᠶᠢᠯᠴᠢᠯᠠᠯ',
    opened: 'ᠨᠡᠭᠡᠭᠰᠡᠨ ᠵᠦᠢᠯ',
    hours: 'ᠤᠩᠰᠢᠭᠰᠠᠨ ᠴᠠᠭ',
    quiz: 'ᠠᠰᠠᠭᠤᠯᠲᠠ',
    itemsHeading: 'ᠬᠠᠮᠤᠭ ᠤᠨ ᠤᠳᠠᠭᠠᠨ ᠤᠩᠰᠢᠭᠰᠠᠨ',
    itemsText: 'ᠪᠦᠬᠦ ᠲᠠᠩᠬᠢᠮ ᠳᠤ᠃',
    noItems: 'ᠵᠦᠢᠯ ᠠᠯᠭ᠎ᠠ᠃',
    item: 'ᠵᠦᠢᠯ',
    contestHeading: 'ᠲᠡᠮᠡᠴᠡᠭᠡᠨ᠄ {contest}',
    contestText: 'ᠨᠢᠭᠡᠴᠡ ᠪᠦᠷᠢ ᠶᠢᠨ ᠳᠤᠮᠳᠠᠴᠢ ᠣᠨᠤᠭ᠎ᠠ᠂ ᠬᠤᠪᠢ ᠪᠠᠷ᠃',
    team: 'ᠨᠢᠭᠡᠴᠡ',
    average: 'ᠳᠤᠮᠳᠠᠴᠢ %',
    attempts: 'ᠣᠷᠣᠯᠳᠤᠯᠭ᠎ᠠ',
    fact: 'ᠤᠩᠰᠢᠭᠰᠠᠨ ᠴᠠᠭ᠄ {hours}᠃ ᠠᠶᠢᠯᠴᠢᠯᠠᠯ᠄ {visits}᠃',
    footer: 'ᠲᠥᠪ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ',
  },
};
