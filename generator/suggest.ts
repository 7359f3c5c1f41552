/** The nearest of `candidates` to a mistyped `word`, when one is close enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  // A third of the word's length (at least one edit, at most three) separates a typo from another word.
  return best && best.distance <= Math.min(3, Math.max(1, Math.floor(word.length / 3))) ? best.candidate : undefined;
}

/** `; did you mean x?`, or nothing. */
export function didYouMean(word: string, candidates: readonly string[], format = (s: string) => s): string {
  const match = nearest(word, candidates);
  return match === undefined ? "" : `; did you mean ${format(match)}?`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
