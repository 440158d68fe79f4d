/** "Did you mean …?" for misspelled keys, enum values, ids and expression symbols. */

/** Levenshtein edit distance (insert, delete, substitute; case-sensitive). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The closest candidate to `word`, or undefined when none is close enough: at most a third of
 * the word's length (min 1, max 3) edits, compared case-insensitively; ties go to the first.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * The one to three candidates closest to `word` (case-insensitive edit distance; ties keep the
 * candidates' order): the closest, and those at most one edit further, never more than `max`.
 * Always some name when there are candidates, for a "did you mean" where any hint helps (a metric).
 */
export function closestNames(word: string, candidates: readonly string[], max = 3): string[] {
  const lower = word.toLowerCase();
  const scored = candidates.filter((c) => c !== word).map((c, i) => ({ c, i, d: editDistance(lower, c.toLowerCase()) }));
  scored.sort((a, b) => a.d - b.d || a.i - b.i);
  const best = scored[0]?.d ?? 0;
  return scored.filter((x) => x.d <= best + 1).slice(0, max).map((x) => x.c);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quotedAlternatives(names: readonly string[]): string {
  const q = names.map((n) => `"${n}"`);
  return q.length < 2 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}
