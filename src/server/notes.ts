/** The engine's notes in API responses: key and parameters for a client to render in its language, and the English text. */
import { z } from 'zod';

export const NoteSchema = z
  .object({
    key: z.string().describe('a key of src/domain/note.ts; the sentences are in src/notes/<lang>.json'),
    params: z.record(z.string(), z.unknown()).describe('numbers, codes, periods (YYYY-MM, spans a/b), lists, and notes nested in the note'),
    text: z.string().describe('the note in English'),
  })
  .meta({ id: 'Note' });
