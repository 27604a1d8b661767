/**
 * The layers of src/, held by a test over the import graph (every `import`, `export … from` and `import()` of every
 * file, type-only ones included): no circle, no import of a higher layer or of a sibling at the same height, `node:`
 * only in src/cli/, each package only where the layer table allows it, and no rule file imported by anything but the
 * generated rule index. The README's "How it works" draws the same table.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');

/**
 * Bottom to top. A file may import files of its own layer and of lower layers only; layers of the same height are
 * siblings that do not know each other. `packages` are the npm packages the layer may import.
 */
const LAYERS: { name: string; height: number; paths: string[]; packages?: string[] }[] = [
  { name: 'base', height: 0, paths: ['src/types.ts', 'src/concurrency.ts', 'src/platform-types.ts', 'src/seeded-random.ts'] },
  { name: 'certificate', height: 1, paths: ['src/certificate/'], packages: ['asn1js', 'pkijs', '@peculiar/webcrypto'] },
  { name: 'graph', height: 1, paths: ['src/graph/'], packages: ['jsonc-parser'] },
  { name: 'chain', height: 2, paths: ['src/chain/'] },
  { name: 'crl', height: 2, paths: ['src/crl/'] },
  { name: 'report', height: 3, paths: ['src/report/'] },
  { name: 'rules', height: 4, paths: ['src/rules/'] },
  { name: 'preflight', height: 5, paths: ['src/preflight.ts'] },
  { name: 'diff', height: 6, paths: ['src/diff/'] },
  { name: 'device', height: 6, paths: ['src/device/'] },
  { name: 'simulator', height: 7, paths: ['src/simulator/'] },
  { name: 'apply', height: 7, paths: ['src/apply/'] },
  { name: 'testing', height: 8, paths: ['src/testing/'], packages: ['fast-check'] },
  { name: 'api', height: 9, paths: ['src/index.ts'] },
  { name: 'cli', height: 10, paths: ['src/cli/'] },
];

/**
 * Imports that break the table for now, each with the reason and the change that removes it. The test fails when an
 * exception is no longer needed (the import is gone), so none can linger. None today.
 */
const EXCEPTIONS: { from: string; to: string; why: string }[] = [];

interface Import {
  from: string;
  specifier: string;
  /** The imported file, relative to the repository root, for a relative specifier. */
  to: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.c?ts$/.test(name) ? [path] : [];
  });
}

const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

/**
 * Every module specifier a file names: static imports and re-exports (multi-line too), side-effect and dynamic imports.
 * Comment lines (`//`, `/*`, ` *`) are skipped: a JSDoc example is not a dependency.
 */
function specifiers(source: string): string[] {
  const text = source
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');
  const out: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) if (!inString(text, m.index)) out.push(m[1]!);
  return out;
}

/** Whether `index` falls inside a quoted string on its line (an odd number of one kind of quote before it). */
function inString(text: string, index: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', index) + 1, index).replace(/\\./g, '');
  return ["'", '"', '`'].some((q) => before.split(q).length % 2 === 0);
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(join(ROOT, from)), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return rel(candidate);
    } catch {
      // try the next form
    }
  }
  return `(unresolved) ${rel(base)}`;
}

const files = sourceFiles(SRC).map(rel).sort();
const texts = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
const imports: Import[] = files.flatMap((from) =>
  specifiers(texts.get(from)!).map((specifier) => ({ from, specifier, to: resolveImport(from, specifier) })),
);

function layerOf(file: string) {
  return LAYERS.find((l) => l.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
}

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

const isException = (i: Import) => EXCEPTIONS.some((e) => e.from === i.from && e.to === (i.to ?? i.specifier));

/** What is wrong with one import, or null. */
function violation(i: Import): string | null {
  const source = layerOf(i.from)!;
  if (i.specifier.startsWith('node:') || !i.to) {
    if (i.specifier.startsWith('node:')) return source.name === 'cli' ? null : 'imports node: outside src/cli/';
    const pkg = packageOf(i.specifier);
    return source.packages?.includes(pkg) ? null : `imports the package ${pkg}, which the ${source.name} layer may not use`;
  }
  if (i.to.startsWith('(unresolved)')) return `imports ${i.specifier}, which is not a file`;
  const target = layerOf(i.to);
  if (!target) return `imports ${i.to}, which belongs to no layer`;
  if (target === source) return null;
  if (target.height > source.height) return `imports ${i.to} of the higher layer ${target.name} (upward)`;
  if (target.height === source.height) return `imports ${i.to} of the sibling layer ${target.name}`;
  return null;
}

/** Circles of the file graph (strongly connected components of more than one file, or a file importing itself). */
function circles(): string[][] {
  const edges = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const i of imports) if (i.to && edges.has(i.to)) edges.get(i.from)!.push(i.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)!.includes(v)) out.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return out;
}

describe('layers', () => {
  it('reads the imports of every file (the parser finds what it should)', () => {
    expect(imports.length).toBeGreaterThan(300);
    expect(
      specifiers(`import {\n  a,\n  type B,\n} from './x.js';\nexport * from "./y.js";\nimport 'z';\nconst m = await import('./w.js');\n`),
    ).toEqual(['./x.js', './y.js', 'z', './w.js']);
    expect(
      specifiers(
        `const s = 'from "x"';\n// import from './no.js'\n * new (await import('no')).X()\nthrow new Error('use import("no")');\n`,
      ),
    ).toEqual([]);
  });

  it('places every file of src/ in a layer', () => {
    expect(files.filter((f) => !layerOf(f))).toEqual([]);
  });

  it('has no import that runs upward or sideways, no node: outside src/cli/, no package outside its layer', () => {
    const bad = imports
      .filter((i) => !isException(i))
      .flatMap((i) => {
        const v = violation(i);
        return v ? [`${i.from} ${v}`] : [];
      });
    expect(bad).toEqual([]);
  });

  it('has no circle', () => {
    expect(circles()).toEqual([]);
  });

  it('imports a rule file only from the generated rule index', () => {
    const ruleFiles = new Set(files.filter((f) => /^src\/rules\/[a-z]+\/[^/]+\.ts$/.test(f) && texts.get(f)!.includes('defineRule(')));
    expect(ruleFiles.size).toBeGreaterThan(40);
    const bad = imports.filter((i) => i.to && ruleFiles.has(i.to) && i.from !== 'src/rules/all.ts').map((i) => `${i.from} → ${i.to}`);
    expect(bad).toEqual([]);
  });

  it('lists only exceptions that are still needed', () => {
    for (const e of EXCEPTIONS) {
      const still = imports.some((i) => i.from === e.from && (i.to ?? i.specifier) === e.to && violation(i));
      expect(still, `${e.from} → ${e.to} no longer breaks the layers: remove the exception`).toBe(true);
    }
  });

  it('is the table the README draws', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const layer of LAYERS) for (const p of layer.paths) expect(readme, p).toContain(`\`${p}\``);
  });
});
