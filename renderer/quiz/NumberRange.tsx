/** A numeric answer as people write it: 100, 3.14 ± 0.01, or 20–60. Digits stay Western: quizzes are written so. */
import type { Reveal } from './engine/attempt-view.ts';

type NumericAnswer = Extract<Reveal, { type: 'numeric' }>['accepted'][number];

const format = new Intl.NumberFormat('en', { maximumFractionDigits: 10, useGrouping: false });

export function NumberRange({ answer }: { answer: NumericAnswer }) {
  const text =
    answer.kind === 'range'
      ? `${format.format(answer.min)}–${format.format(answer.max)}`
      : answer.tolerance > 0
        ? `${format.format(answer.value)} ± ${format.format(answer.tolerance)}`
        : format.format(answer.value);
  return <span className="number">{text.replace(/-/g, '\u2212')}</span>;
}
