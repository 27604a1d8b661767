/**
 * How a test that needs something of the machine (see machine.ts) runs without it: skipped with a notice that names
 * what is missing and how to install it — or, when `CI` is set, failing with that notice, so CI can never go green by
 * skipping.
 */
import { describe, it } from 'vitest';
import { INSTALL_ALL, inCi, type Prerequisite } from './machine.js';

export { bash, chromium, findChromium, INSTALL_ALL, inCi, MOZILLA_ROOTS_DIR, mozillaRoots, openssl, type Prerequisite } from './machine.js';

/** The sentence a skipped suite and the CI failure both print. */
export function missingNotice(p: Prerequisite, what: string): string {
  return `${what} needs ${p.name}, which this machine lacks. Install it with: ${p.install} (or everything at once: ${INSTALL_ALL}).`;
}

/**
 * `describe`, when every prerequisite is there. Otherwise, locally: the suite is skipped and the notice printed once;
 * in CI: one failing test carrying the notice.
 */
export function describeWith(needs: Prerequisite[], name: string, body: () => void): void {
  const missing = needs.filter((p) => !p.available);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const notice = missing.map((p) => missingNotice(p, `"${name}"`)).join('\n');
  if (inCi()) {
    describe(name, () => {
      it('has its prerequisites (CI fails rather than skip)', () => {
        throw new Error(notice);
      });
    });
    return;
  }
  process.stderr.write(`\nskipped: ${notice}\n`);
  describe.skipIf(true)(`${name} — skipped: ${missing.map((p) => p.name).join(', ')} missing`, body);
}

const noticed = new Set<string>();

/**
 * `it` for a test that needs `needs`: the same test when they are there; otherwise skipped with a notice (printed once
 * per prerequisite), or failing with it in CI.
 */
export function itWith(needs: Prerequisite[]): (name: string, fn: () => unknown, timeout?: number) => void {
  const missing = needs.filter((p) => !p.available);
  if (missing.length === 0) return (name, fn, timeout) => it(name, fn, timeout);
  return (name, fn, timeout) => {
    const notice = missing.map((p) => missingNotice(p, `"${name}"`)).join('\n');
    if (inCi()) {
      it(name, () => {
        throw new Error(notice);
      });
      return;
    }
    for (const p of missing) {
      if (noticed.has(p.name)) continue;
      noticed.add(p.name);
      process.stderr.write(`\nskipped: tests that need ${p.name}; install it with: ${p.install} (or everything: ${INSTALL_ALL}).\n`);
    }
    it.skipIf(true)(`${name} — skipped: ${missing.map((p) => p.name).join(', ')} missing`, fn, timeout);
  };
}
