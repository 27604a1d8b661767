import { defineRule } from '../rule.js';

export default defineRule({
  id: 'body.duplicate-key',
  severity: 'warning',
  basis: 'best-practice',
  citation: 'RFC 8259 §4: "The names within an object SHOULD be unique"',
  description:
    'A member written twice in the same object: JSON readers disagree on which one counts (this check, like JSON.parse, keeps the last).',
  check(ctx, emit) {
    for (const path of ctx.duplicateKeys) emit({ path, params: { member: path.slice(path.lastIndexOf('/') + 1) } });
  },
});
