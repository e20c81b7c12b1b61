/**
 * Reads a quiz item's set of questions from the content store. The import checked the file against the schema
 * before it was stored, so a file that fails here was damaged on this disk since: it is reported as unavailable,
 * never shown half. The last few sets read are kept parsed, since a visitor often plays the same quiz again.
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_QUIZ_BYTES, QuizSet } from '../../preload/contract/quiz-set.ts';
import type { ItemDetail } from '../../preload/contract/catalog.ts';
import { ServiceError } from '../api/service-error.ts';
import { contentPath } from '../store/content-paths.ts';

const kept = 4;

export interface QuizSets {
  /** The set `item` carries; throws `not-found` for an item that is not a quiz, `unavailable` for a damaged file. */
  read(item: ItemDetail): Promise<QuizSet>;
}

export function quizSets(dataDir: string): QuizSets {
  const parsed = new Map<string, QuizSet>();
  return {
    async read(item) {
      const main = item.kind === 'quiz' ? item.files.find((file) => file.role === 'main') : undefined;
      if (!main) throw new ServiceError('not-found', `The item "${item.id}" is not a quiz.`);
      const hit = parsed.get(main.hash);
      if (hit) {
        // Most recently used last, so the oldest is the first to go.
        parsed.delete(main.hash);
        parsed.set(main.hash, hit);
        return hit;
      }
      const file = contentPath(dataDir, main.hash);
      const quiz = await readQuiz(file, item.id);
      parsed.set(main.hash, quiz);
      if (parsed.size > kept) parsed.delete(parsed.keys().next().value!);
      return quiz;
    },
  };
}

async function readQuiz(file: string, itemId: string): Promise<QuizSet> {
  const unavailable = (why: string) =>
    new ServiceError('unavailable', `The quiz "${itemId}" cannot be read (${why}); import its pack again.`);
  let text: string;
  try {
    if ((await stat(file)).size > MAX_QUIZ_BYTES) throw unavailable('its file is too large');
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw unavailable(`its file is missing: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unavailable('its file is not JSON');
  }
  const checked = QuizSet.safeParse(json);
  if (!checked.success) throw unavailable(`its file breaks the quiz format: ${checked.error.issues[0]?.message}`);
  return checked.data;
}
