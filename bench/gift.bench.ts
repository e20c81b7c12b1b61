/**
 * What compiling GIFT costs: a generated file of 2,000 questions (every type in turn, some in HTML and
 * Markdown, with pragmas and comments) through `compileGift`, against two baselines in the same run: reading
 * the file and splitting it on blank lines, and `JSON.parse` of the quiz set it compiles to. Goal: under 1 s.
 *
 *   node bench/gift.bench.ts [--questions 2000] [--runs 5]
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';

const { values } = parseArgs({
  options: { questions: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } },
});
const count = Number(values.questions);
const runs = Number(values.runs);

/** Question `n`, of the type `n` picks, with words long enough to be like a real quiz's. */
function question(n: number): string {
  const words = `about soil, water and sunlight number ${n}`;
  const pragmas = `// @difficulty ${(n % 3) + 1}\n// @subject agriculture\n`;
  switch (n % 8) {
    case 0:
      return `${pragmas}::q${n}:: Which answer is right ${words}? {\n  =The right one#Yes, well done.\n  ~A wrong one#No.\n  ~%50%Half right\n  ####Because of the reasons ${words}.\n}`;
    case 1:
      return `${pragmas}::q${n}::[html]<p>Which <b>two</b> are right ${words}?</p> {~%50%One &amp; ~%50%Two ~%-100%<i>Three</i>}`;
    case 2:
      return `// @type image-choice\n${pragmas}::q${n}:: Which picture ${words}? {=![A green leaf](quiz/a.png) ~![A yellow leaf](quiz/b.png)}`;
    case 3:
      return `${pragmas}::q${n}:: The sun is a star ${words}. {TRUE#It is one.#Right.}`;
    case 4:
      return `${pragmas}// A comment the compiler skips.\n::q${n}:: Name the gas ${words}. {=oxygen =%50%O2#The formula \\= half}`;
    case 5:
      return `${pragmas}::q${n}:: How many ${words}? {#=%100%3.14:0.01#Good =%50%3:1#Close}`;
    case 6:
      return `${pragmas}::q${n}::[markdown]Match **each** ${words}. {=cow -> milk =hen -> eggs =bee -> honey}`;
    default:
      return `// @type ordering\n${pragmas}::q${n}:: Put in order ${words}. {=dig =sow =water =harvest}`;
  }
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
async function timed(run: () => unknown | Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times;
}

const work = await mkdtemp(path.join(os.tmpdir(), 'gift-bench-'));
try {
  const file = path.join(work, 'quiz.en.gift');
  await writeFile(file, Array.from({ length: count }, (_, n) => question(n)).join('\n\n') + '\n');
  const bytes = (await readFile(file)).length;

  let start = performance.now();
  // Loading the compiler generates the parser from gift.peggy.
  const { compileGift } = await import('../tools/publish/gift/compile-gift.ts');
  const loadMs = performance.now() - start;
  const grammar = await readFile(path.resolve(import.meta.dirname, '../tools/publish/gift/gift.peggy'), 'utf8');
  const { default: peggy } = await import('peggy');
  const generateMs = median(await timed(() => peggy.generate(grammar)));

  const compile = async () =>
    compileGift([{ language: 'en', file: 'quiz.en.gift', text: await readFile(file, 'utf8') }], {}).quiz;
  start = performance.now();
  const quiz = await compile();
  const firstMs = performance.now() - start;
  if (quiz.questions.length !== count) throw new Error(`compiled ${quiz.questions.length} of ${count} questions`);
  const compileMs = median(await timed(compile));

  const splitMs = median(await timed(async () => (await readFile(file, 'utf8')).split(/\n\s*\n/)));
  const json = JSON.stringify(quiz);
  const parseMs = median(await timed(() => JSON.parse(json)));

  // The publisher as admins run it: a fresh Node, the grammar generated, the file read, the JSON written.
  const cli = path.resolve(import.meta.dirname, '../tools/publish/cli.ts');
  const run = promisify(execFile);
  const cliMs = median(
    await timed(() =>
      run(process.execPath, [cli, 'gift', '--in', `en=${file}`, '--out', path.join(work, 'quiz.json')]),
    ),
  );
  const nodeMs = median(await timed(() => run(process.execPath, ['-e', ''])));

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `GIFT file: ${count} questions, ${(bytes / 1024).toFixed(0)} KiB; quiz set ${(json.length / 1024).toFixed(0)} KiB of JSON`,
  );
  console.log(`median of ${runs} runs, Node ${process.versions.node}, ${os.cpus().length} cores`);
  console.log(`baseline: read and split on blank lines     ${ms(splitMs)}`);
  console.log(`baseline: JSON.parse of the quiz set         ${ms(parseMs)}`);
  console.log(`load the compiler (its modules, the parser)  ${ms(loadMs)}`);
  console.log(`  of which: generate the parser (warm)       ${ms(generateMs)}`);
  console.log(`compileGift, first run                       ${ms(firstMs)}`);
  console.log(
    `compileGift                                  ${ms(compileMs)}  ` +
      `(${(compileMs / splitMs).toFixed(0)} × split, ${(compileMs / parseMs).toFixed(0)} × JSON.parse)`,
  );
  console.log(`publish gift, whole process                  ${ms(cliMs)}  (an empty node: ${ms(nodeMs)})`);
  console.log(`goal ≤ 1 s: ${compileMs <= 1000 && cliMs <= 1000 ? 'met' : 'missed'}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
