/**
 * Writing the Report folder all or nothing: everything goes into a temporary folder beside the target, which is
 * renamed into place at the end. A failure anywhere removes the temporary folder, so no partial report is ever left
 * where a complete one is expected; an existing report is replaced only once the new one is complete.
 */
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../domain/errors.ts';

/** Checks early that `out` can be created or replaced, naming the folder when it cannot. */
export function checkWritable(out: string): void {
  if (existsSync(out) && !statSync(out).isDirectory()) throw new InputError('exists and is not a folder', { file: out });
  const parent = path.dirname(path.resolve(out));
  try {
    mkdirSync(parent, { recursive: true });
    accessSync(parent, constants.W_OK);
  } catch (err) {
    throw new InputError(`cannot write the report here (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: out });
  }
}

export async function writeAtomically<T>(out: string, fill: (tmp: string) => Promise<T>): Promise<T> {
  checkWritable(out);
  const target = path.resolve(out);
  let tmp: string;
  try {
    tmp = mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.tmp-`));
  } catch (err) {
    throw new InputError(`cannot write the report here (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: out });
  }
  try {
    const result = await fill(tmp);
    // Replace an earlier report: move it aside first, so that a failed rename leaves it untouched.
    const old = existsSync(target) ? `${tmp}.old` : null;
    if (old) renameSync(target, old);
    try {
      renameSync(tmp, target);
    } catch (err) {
      if (old) renameSync(old, target);
      throw err;
    }
    if (old) rmSync(old, { recursive: true, force: true });
    return result;
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}
