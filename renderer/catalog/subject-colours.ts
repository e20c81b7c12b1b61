/**
 * Each subject's colour, so a shelf, a card and an item page of the same subject look related.
 * Known subjects have chosen colours; a subject a new pack brings gets a stable one from its name.
 * Every colour keeps white text above 4.5:1 contrast.
 */

const chosen: Record<string, string> = {
  agriculture: '#4f6f22',
  health: '#a8323f',
  energy: '#8a5a00',
  industry: '#2f5674',
};

const spare = ['#5a4b8a', '#176a6a', '#8a3f6b', '#3d5a2a', '#6b4a2f', '#2b5f8a'];

export function subjectColour(subject: string | undefined): string {
  if (!subject) return '#1d6b5c';
  const known = chosen[subject];
  if (known) return known;
  let hash = 0;
  for (const char of subject) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return spare[hash % spare.length]!;
}

/** WCAG relative-luminance contrast between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
