/**
 * The note catalogs for Node (the Report, the CLI, the API): every language shipped, and the English rendering the
 * CLI and the API give beside a note's key and parameters.
 *
 * @example
 * noteJson(note('capacity.noCrossings', {}))
 * // { key: 'capacity.noCrossings', params: {}, text: 'No Frontex detections of irregular border crossings …' }
 */
import type { Note } from '../domain/note.ts';
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };
import { renderNote, type NoteCatalog, type NoteJson } from './render.ts';

export { renderNote, hasNote, routeName, type NoteCatalog, type NoteJson } from './render.ts';

export const NOTE_CATALOGS: Readonly<Record<string, NoteCatalog>> = { en, nl };

/** The note in English: what the CLI prints and the API's `text`. */
export function noteText(n: Note): string {
  return renderNote(n, en);
}

/** Key, parameters and English text: a note in JSON (API responses, `--json`). */
export function noteJson(n: Note): NoteJson {
  return { key: n.key, params: n.params, text: noteText(n) };
}

export const notesJson = (notes: readonly Note[]): NoteJson[] => notes.map(noteJson);
