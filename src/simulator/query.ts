/**
 * The query options of the list and get pages as Graph reads them: `$select` (get and list), `$filter` on `id` and
 * `displayName`, `$top` with `@odata.nextLink` paging, `$count=true` (list; `/$count` is the handler's), and
 * `$orderby`, which the list page marks as not supported. A query that cannot be read exactly is refused with
 * Graph's message, never guessed at.
 */
import { ANSWERS, RESOURCE_QUALIFIED_TYPE, RESOURCE_VALIDATOR_NAME, fill, type AnswerName } from './messages.js';

/** Every member of the resource (metadata), in the order GET returns them. */
export const RESOURCE_MEMBERS = ['id', 'deletedDateTime', 'displayName', 'tlsClientAuthParameter', 'certificateAuthorities'] as const;
/** The members `$filter` accepts (list page: `id`; `displayName` as for directory objects). */
const FILTERABLE = ['id', 'displayName'] as const;
/** System query options the list page marks as unsupported, and those the directory refuses without advanced queries. */
const UNSUPPORTED = ['$orderby', '$expand', '$search', '$skip', '$apply', '$compute'];
/** The directory's largest page. */
export const MAX_TOP = 999;

export interface QueryProblem {
  answer: AnswerName;
  values?: Record<string, string>;
}

export type Filter =
  | { op: 'eq'; property: string; value: string | null }
  | { op: 'in'; property: string; values: (string | null)[] }
  | { op: 'startswith'; property: string; value: string }
  | { op: 'and' | 'or'; left: Filter; right: Filter };

export interface Query {
  select: string[] | null;
  filter: Filter | null;
  top: number | null;
  count: boolean;
  /** Offset into the filtered list (from `$skiptoken`, which the simulator itself hands out). */
  skip: number;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: QueryProblem };
const fail = (answer: AnswerName, values?: Record<string, string>): { ok: false; problem: QueryProblem } => ({
  ok: false,
  problem: values ? { answer, values } : { answer },
});

/** Query option names are case-insensitive in OData 4.01; Graph accepts them with or without `$`. */
function option(params: URLSearchParams, name: string): string | null {
  for (const [k, v] of params) {
    const key = k.toLowerCase();
    if (key === name || key === name.slice(1)) return v;
  }
  return null;
}

function parseSelect(text: string): Parsed<string[] | null> {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.includes('*')) return { ok: true, value: null };
  for (const n of names) {
    if (!(RESOURCE_MEMBERS as readonly string[]).includes(n)) return fail('selectUnknown', { property: n, type: RESOURCE_QUALIFIED_TYPE });
  }
  return { ok: true, value: names };
}

/** OData `$filter` tokens: names, string literals ('' escapes a quote), null, parentheses, commas. */
function tokenize(text: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push(c);
      i++;
    } else if (c === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length) return null;
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      out.push(`'${value}`);
      i = j + 1;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(text.slice(i));
      if (!m) return null;
      out.push(m[0]);
      i += m[0].length;
    }
  }
  return out;
}

class FilterParser {
  private i = 0;
  constructor(private readonly tokens: string[]) {}

  parse(): Parsed<Filter> {
    const f = this.or();
    if (!f.ok) return f;
    return this.i === this.tokens.length ? f : fail('unsupportedQuery');
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private keyword(word: string): boolean {
    if (this.peek()?.toLowerCase() === word) {
      this.i++;
      return true;
    }
    return false;
  }

  private or(): Parsed<Filter> {
    let left = this.and();
    while (left.ok && this.keyword('or')) {
      const right = this.and();
      if (!right.ok) return right;
      left = { ok: true, value: { op: 'or', left: left.value, right: right.value } };
    }
    return left;
  }

  private and(): Parsed<Filter> {
    let left = this.primary();
    while (left.ok && this.keyword('and')) {
      const right = this.primary();
      if (!right.ok) return right;
      left = { ok: true, value: { op: 'and', left: left.value, right: right.value } };
    }
    return left;
  }

  private literal(): Parsed<string | null> {
    const t = this.tokens[this.i++];
    if (t?.startsWith("'")) return { ok: true, value: t.slice(1) };
    if (t === 'null') return { ok: true, value: null };
    return fail('unsupportedQuery');
  }

  private property(): Parsed<string> {
    const name = this.tokens[this.i++];
    if (name === undefined || name.startsWith("'") || /[(),]/.test(name)) return fail('unsupportedQuery');
    if (!(RESOURCE_MEMBERS as readonly string[]).includes(name))
      return fail('selectUnknown', { property: name, type: RESOURCE_QUALIFIED_TYPE });
    if (!(FILTERABLE as readonly string[]).includes(name))
      return fail('filterProperty', { property: name, resource: RESOURCE_VALIDATOR_NAME });
    return { ok: true, value: name };
  }

  private expect(token: string): boolean {
    if (this.peek() === token) {
      this.i++;
      return true;
    }
    return false;
  }

  private primary(): Parsed<Filter> {
    if (this.expect('(')) {
      const inner = this.or();
      if (!inner.ok) return inner;
      return this.expect(')') ? inner : fail('unsupportedQuery');
    }
    if (this.peek()?.toLowerCase() === 'startswith') {
      this.i++;
      if (!this.expect('(')) return fail('unsupportedQuery');
      const property = this.property();
      if (!property.ok) return property;
      if (!this.expect(',')) return fail('unsupportedQuery');
      const value = this.literal();
      if (!value.ok) return value;
      if (value.value === null || !this.expect(')')) return fail('unsupportedQuery');
      return { ok: true, value: { op: 'startswith', property: property.value, value: value.value } };
    }
    const property = this.property();
    if (!property.ok) return property;
    if (this.keyword('eq')) {
      const value = this.literal();
      if (!value.ok) return value;
      return { ok: true, value: { op: 'eq', property: property.value, value: value.value } };
    }
    if (this.keyword('in')) {
      if (!this.expect('(')) return fail('unsupportedQuery');
      const values: (string | null)[] = [];
      do {
        const v = this.literal();
        if (!v.ok) return v;
        values.push(v.value);
      } while (this.expect(','));
      if (!this.expect(')')) return fail('unsupportedQuery');
      return { ok: true, value: { op: 'in', property: property.value, values } };
    }
    // ne, not, gt, endswith, any …: advanced queries the directory answers only with ConsistencyLevel: eventual,
    // and nothing documents them for this resource.
    return fail('unsupportedQuery');
  }
}

export function parseFilter(text: string): Parsed<Filter> {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return fail('unsupportedQuery');
  return new FilterParser(tokens).parse();
}

/** Directory string comparisons ignore case (as for `displayName eq` on users and groups). */
function same(a: unknown, b: string | null): boolean {
  if (b === null) return a === null || a === undefined;
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}

export function matches(filter: Filter, resource: Record<string, unknown>): boolean {
  switch (filter.op) {
    case 'eq':
      return same(resource[filter.property], filter.value);
    case 'in':
      return filter.values.some((v) => same(resource[filter.property], v));
    case 'startswith': {
      const v = resource[filter.property];
      return typeof v === 'string' && v.toLowerCase().startsWith(filter.value.toLowerCase());
    }
    case 'and':
      return matches(filter.left, resource) && matches(filter.right, resource);
    case 'or':
      return matches(filter.left, resource) || matches(filter.right, resource);
  }
}

/** The options of a request to the collection (`item` false) or to one resource (`item` true). */
export function parseQuery(params: URLSearchParams, item: boolean): Parsed<Query> {
  for (const name of UNSUPPORTED) if (option(params, name) !== null) return fail('unsupportedQuery');
  const query: Query = { select: null, filter: null, top: null, count: false, skip: 0 };
  const select = option(params, '$select');
  if (select !== null) {
    const s = parseSelect(select);
    if (!s.ok) return s;
    query.select = s.value;
  }
  if (item) {
    // The get page documents $select only.
    if (option(params, '$filter') !== null || option(params, '$top') !== null || option(params, '$count') !== null)
      return fail('unsupportedQuery');
    return { ok: true, value: query };
  }
  const filter = option(params, '$filter');
  if (filter !== null) {
    const f = parseFilter(filter);
    if (!f.ok) return f;
    query.filter = f.value;
  }
  const top = option(params, '$top');
  if (top !== null) {
    const n = /^\d{1,9}$/.test(top.trim()) ? Number(top.trim()) : Number.NaN;
    if (!(n >= 1 && n <= MAX_TOP)) return fail('pageSize', { top });
    query.top = n;
  }
  const count = option(params, '$count');
  if (count !== null) {
    const c = count.trim().toLowerCase();
    if (c !== 'true' && c !== 'false') return fail('unsupportedQuery');
    query.count = c === 'true';
  }
  const token = option(params, '$skiptoken');
  if (token !== null) {
    const m = /^s(\d{1,9})$/.exec(token);
    if (!m) return fail('unsupportedQuery');
    query.skip = Number(m[1]);
  }
  return { ok: true, value: query };
}

/** The members `select` keeps, in the resource's order (all of them when `select` is null). */
export function project(resource: Record<string, unknown>, select: string[] | null): Record<string, unknown> {
  if (!select) return resource;
  return Object.fromEntries(Object.entries(resource).filter(([k]) => select.includes(k)));
}

/** The `$select` part of an `@odata.context` URL (OData JSON format §10): `(a,b)`, or nothing. */
export function selectContext(select: string[] | null): string {
  return select ? `(${RESOURCE_MEMBERS.filter((m) => select.includes(m)).join(',')})` : '';
}

export function describeProblem(problem: QueryProblem): { status: number; code: string; message: string } {
  const a = ANSWERS[problem.answer];
  return { status: a.status, code: a.code, message: fill(a.template, problem.values) };
}
