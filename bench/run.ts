/**
 * Runs every `bench/*.bench.ts` in turn; each exports `run()` and prints its own results. `npm run bench -- NAME` runs
 * `NAME.bench.ts` when it exists, otherwise every bench whose file name contains NAME.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./', import.meta.url));
const only = process.argv[2];
const all = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();
const files = !only ? all : all.includes(`${only}.bench.ts`) ? [`${only}.bench.ts`] : all.filter((f) => f.includes(only));
for (const file of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(new URL(file, import.meta.url).href)) as { run(): Promise<void> };
  await mod.run();
}
