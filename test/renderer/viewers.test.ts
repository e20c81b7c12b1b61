/** Picking an item's file: the visitor's language first, and how each kind of item opens. */
import { describe, expect, it } from 'vitest';
import type { ItemDetail, ItemFile } from '../../preload/contract/catalog.ts';
import { fileFor } from '../../renderer/catalog/item-files.ts';
import { viewerFor, viewers } from '../../renderer/viewers.ts';

const file = (role: ItemFile['role'], mediaType: string, language?: ItemFile['language']): ItemFile => {
  const hash = `${role}${mediaType}${language ?? ''}`
    .replace(/[^a-z]/g, '')
    .padEnd(64, '0')
    .slice(0, 64);
  return { role, hash, size: 1, mediaType, url: `/content/${hash}`, ...(language ? { language } : {}) };
};

const item = (overrides: Partial<ItemDetail>): ItemDetail => ({
  id: 'solar-basics',
  kind: 'pdf',
  title: '태양광 발전의 기초',
  summary: '',
  language: 'ko',
  languages: ['ko', 'en'],
  subjects: ['energy'],
  addedAt: '2026-11-15T00:00:00Z',
  arrivedAt: '2026-11-20T08:00:00Z',
  isNew: true,
  featured: false,
  files: [],
  ...overrides,
});

describe('fileFor', () => {
  it('takes the file in the language the item is shown in', () => {
    const files = [file('main', 'application/pdf', 'en'), file('main', 'application/pdf', 'ko')];
    expect(fileFor(item({ files }), 'main')?.language).toBe('ko');
  });

  it('falls back to the first file of the role when none is in that language', () => {
    const files = [file('cover', 'image/png'), file('main', 'application/pdf', 'en'), file('main', 'application/pdf')];
    expect(fileFor(item({ files, language: 'zh' }), 'main')?.language).toBe('en');
    expect(fileFor(item({ files }), 'subtitles')).toBeUndefined();
  });
});

describe('viewerFor', () => {
  it('opens PDFs in the reader, videos in the player, quizzes in their own screen, and says when it cannot', () => {
    expect(viewerFor(item({ files: [file('main', 'application/pdf')] }))).toBe(viewers.pdf);
    expect(viewerFor(item({ kind: 'video', files: [file('main', 'video/webm')] }))).toBe(viewers.video);
    expect(viewerFor(item({ kind: 'quiz', files: [file('main', 'application/json')] }))).toBe(viewers.quiz);
    expect(viewerFor(item({ kind: 'article', files: [] }))).toBeUndefined();
  });

  it('opens nothing whose main file its viewer cannot play', () => {
    expect(viewerFor(item({ files: [file('main', 'image/png')] }))).toBeUndefined();
    expect(viewerFor(item({ kind: 'video', files: [file('main', 'application/pdf')] }))).toBeUndefined();
  });
});
