/** "Did you mean …?" for misspelt member names: case-insensitive prefix or edit distance ≤ 3. */
export function suggestMember(name: string, known: readonly string[]): string {
  const lower = name.toLowerCase();
  let best = '';
  let bestScore = Infinity;
  for (const k of known) {
    const kl = k.toLowerCase();
    const score = kl === lower ? 0 : kl.startsWith(lower) || lower.startsWith(kl) ? 1 : distance(lower, kl);
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return bestScore <= 3 ? best : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
