/**
 * Suggests the candidate closest to a misspelled word, or undefined when none is close enough to be a
 * plausible typo. A candidate that differs only in letter case always wins; among equally close candidates the
 * alphabetically first wins, so the suggestion does not depend on the order candidates were found in. The one
 * implementation for template properties and for CLI commands, verbs and plugin names alike.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lowerWord = word.toLowerCase();
  // Allow roughly one edit per four characters, at least one and at most three.
  const threshold = Math.min(3, Math.max(1, Math.floor(word.length / 4)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of [...new Set(candidates)].sort()) {
    const lowerCandidate = candidate.toLowerCase();
    if (lowerCandidate === lowerWord) return candidate;
    if (Math.abs(candidate.length - word.length) > threshold) continue;
    const distance = editDistance(lowerWord, lowerCandidate, Math.min(threshold, bestDistance - 1));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Replacing every letter of a short word is no typo: `p` does not suggest `A`.
  return bestDistance <= threshold && bestDistance < word.length ? best : undefined;
}

/** ` (did you mean X?)` for a message, or an empty string when nothing is close. */
export function didYouMeanSuffix(word: string, candidates: Iterable<string>): string {
  const match = didYouMean(word, candidates);
  return match === undefined ? '' : ` (did you mean ${match}?)`;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, the commonest typo), giving up
 * early with `limit + 1` once every alignment exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2] + 1);
      }
      current.push(value);
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
