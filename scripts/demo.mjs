// npm run demo: checks the page's Example 2 request (predicted 400) and a clean body, printing both reports.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = ['dist/cli/main.js'];
const run = (title, args) => {
  console.log(`\n=== ${title}\n$ ca-preflight ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [...cli, ...args], { cwd: root, stdio: 'inherit' });
  console.log(`(exit ${r.status})`);
  return r.status;
};
const failing = run("The update page's Example 2 request, as published", ['check', 'examples/example2-request.json']);
const passing = run('A two-tier Contoso hierarchy, ready to send', ['check', 'examples/valid-body.json']);
// The demo succeeds when the first body is refused (exit 1) and the second passes (exit 0).
process.exitCode = failing === 1 && passing === 0 ? 0 : 1;
