/** One question on the terminal: asked on standard error (standard output may be a pipe), answered on standard input. */
import { createInterface } from 'node:readline/promises';

export async function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
