/**
 * Matching and ordering labels that read the same: a matching question may pair two left items with one
 * answer ("whale → mammal", "cow → mammal"), and putting either copy of it beside either item must count as right.
 */
import type { QuestionOf } from './answers.ts';
import { everyText } from './question-text.ts';

/** For each right-hand label of a matching question, the first key index whose label reads the same. */
export function rightLabelClasses(question: QuestionOf<'matching'>): number[] {
  return labelClasses(everyText(question).map((text) => text.pairs.map((pair) => pair.right)));
}

/** For each item of an ordering question, the first key index whose item reads the same. */
export function itemClasses(question: QuestionOf<'ordering'>): number[] {
  return labelClasses(everyText(question).map((text) => text.items));
}

/**
 * Labels are merged only where they read the same in every language the question has, so no language can see
 * two different answers merged into one. `lists` are one language's labels each, in key order.
 */
function labelClasses(lists: readonly (readonly string[])[]): number[] {
  const length = lists[0]?.length ?? 0;
  return Array.from({ length }, (_, index) => {
    for (let earlier = 0; earlier < index; earlier++) {
      if (lists.every((labels) => labels[earlier] === labels[index])) return earlier;
    }
    return index;
  });
}
