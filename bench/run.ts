/** Runs every `bench/*.bench.ts` in turn; each exports `run()` and prints its own results. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./', import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n## ${file}`);
  const mod = (await import(new URL(file, import.meta.url).href)) as { run(): Promise<void> };
  await mod.run();
}
