/** Made-up board nicknames for the results screen: two random indices into the word lists (`nickname-words.ts`). */
import { NICKNAME_WORDS, type Nickname } from '../../preload/contract/quiz.ts';

/**
 * A generated nickname from `random` (0 ≤ r < 1), never one of `avoid` (the few already offered), so a
 * re-roll always shows something new.
 */
export function rollNickname(random: () => number, avoid: readonly Nickname[] = []): Nickname & { kind: 'generated' } {
  const pick = () => Math.min(NICKNAME_WORDS - 1, Math.floor(random() * NICKNAME_WORDS));
  const adjective = pick();
  let creature = pick();
  const offered = (candidate: number) =>
    avoid.some((other) => other.kind === 'generated' && other.adjective === adjective && other.creature === candidate);
  while (offered(creature)) creature = (creature + 1) % NICKNAME_WORDS;
  return { kind: 'generated', adjective, creature };
}
