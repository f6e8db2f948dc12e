/**
 * zod schemas of the two matching files, and the checks that span records: each error names the file, the record
 * (its id or position) and the field, so that the person who wrote the file can fix it.
 *
 * Cases file: `{ "cases": [ { "id", "benefitting", "status", "nationality", "languages", "members": [{ "age" }],
 * "vulnerabilities", "links": [{ "state", "kind" }], "consent", "securityFlag" } ] }` (or a bare array).
 * Pledges file: `{ "pledges": [ { "state", "persons", "serves", "restrictions": { "applicantsOnly", "maxFamilySize" },
 * "preferences": { "languages", "nationalities" } } ], "releases": [ { "contributing", "benefitting", "reason" } ] }`.
 */
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { isStateCode, type StateCode } from '../member-states.ts';
import { LINK_KINDS, type MatchingInstance, type RelocationCase, type RelocationPledge, type Release } from './model.ts';

const stateCode = z.string().refine(isStateCode, { message: 'unknown state code (use Eurostat geo codes, EL for Greece)' }).transform((s) => s as StateCode);
const nonNegInt = z.number().int().nonnegative();

export const linkSchema = z.strictObject({ state: stateCode, kind: z.enum(LINK_KINDS) });

export const caseSchema = z.strictObject({
  id: z.string().min(1),
  benefitting: stateCode,
  status: z.enum(['applicant', 'beneficiary']),
  nationality: z.string().regex(/^[A-Z0-9_]{2,6}$/, 'a citizenship code such as SY or STLS'),
  languages: z.array(z.string().min(1)).default([]),
  members: z.array(z.strictObject({ age: z.number().int().min(0).max(130) })).min(1, 'a case has at least one member'),
  vulnerabilities: z.array(z.string().min(1)).default([]),
  links: z.array(linkSchema).default([]),
  consent: z.boolean().default(false),
  securityFlag: z.boolean().default(false),
});

export const pledgeSchema = z.strictObject({
  state: stateCode,
  persons: z.number().int().refine((n) => n >= 0, { message: 'negative capacity: a pledge is zero or more persons' }),
  serves: z.array(stateCode).default([]),
  restrictions: z
    .strictObject({ applicantsOnly: z.boolean().default(false), maxFamilySize: nonNegInt.min(1).nullable().default(null) })
    .default({ applicantsOnly: false, maxFamilySize: null }),
  preferences: z
    .strictObject({ languages: z.array(z.string()).default([]), nationalities: z.array(z.string()).default([]) })
    .default({ languages: [], nationalities: [] }),
});

export const releaseSchema = z.strictObject({ contributing: stateCode, benefitting: stateCode, reason: z.string().default('Art 60(3) systemic shortcomings') });

export const casesFileSchema = z.union([z.array(z.unknown()), z.strictObject({ about: z.unknown().optional(), cases: z.array(z.unknown()) }).transform((o) => o.cases)]);
export const pledgesFileSchema = z.strictObject({ about: z.unknown().optional(), pledges: z.array(z.unknown()), releases: z.array(z.unknown()).default([]) });

function recordError(file: string, what: string, index: number, raw: unknown, err: z.ZodError): InputError {
  const issue = err.issues[0]!;
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? ` "${String((raw as { id: unknown }).id)}"` : '';
  const state = typeof raw === 'object' && raw !== null && 'state' in raw && !id ? ` (${String((raw as { state: unknown }).state)})` : '';
  return new InputError(`${what} ${index + 1}${id}${state}: ${issue.message}`, { file, field: issue.path.join('.') || undefined });
}

function parseRecords<T>(file: string, what: string, raws: unknown[], schema: z.ZodType<T>): T[] {
  return raws.map((raw, i) => {
    const r = schema.safeParse(raw);
    if (!r.success) throw recordError(file, what, i, raw, r.error);
    return r.data;
  });
}

/** Parses the cases file's JSON value; the first bad record is named with its position and id. */
export function parseCases(json: unknown, file = 'cases'): RelocationCase[] {
  const top = casesFileSchema.safeParse(json);
  if (!top.success) throw new InputError('expected {"cases": [...]} or an array of cases', { file });
  const cases = parseRecords(file, 'case', top.data, caseSchema) as RelocationCase[];
  const seen = new Set<string>();
  cases.forEach((c, i) => {
    if (seen.has(c.id)) throw new InputError(`case ${i + 1}: duplicate case id "${c.id}"`, { file, field: 'id' });
    seen.add(c.id);
  });
  return cases;
}

export function parsePledges(json: unknown, file = 'pledges'): { pledges: RelocationPledge[]; releases: Release[] } {
  const top = pledgesFileSchema.safeParse(json);
  if (!top.success) throw new InputError('expected {"pledges": [...], "releases": [...]}', { file });
  const pledges = parseRecords(file, 'pledge', top.data.pledges, pledgeSchema) as RelocationPledge[];
  const releases = parseRecords(file, 'release', top.data.releases, releaseSchema) as Release[];
  const seen = new Set<string>();
  pledges.forEach((p, i) => {
    if (seen.has(p.state)) throw new InputError(`pledge ${i + 1} (${p.state}): a second pledge for ${p.state}; give one pledge per state`, { file, field: 'state' });
    seen.add(p.state);
  });
  return { pledges, releases };
}

/**
 * Checks that span the two files: every state named in a release or a pledge's `serves` pledges or holds cases, and
 * no case is larger than the largest pledge (it could never be placed whole, Art 67(6)).
 */
export function checkInstance(inst: MatchingInstance, files: { cases?: string; pledges?: string } = {}): MatchingInstance {
  const pf = files.pledges ?? 'pledges';
  const cf = files.cases ?? 'cases';
  const pledging = new Set(inst.pledges.map((p) => p.state));
  const benefitting = new Set(inst.cases.map((c) => c.benefitting));
  inst.releases.forEach((r, i) => {
    if (!pledging.has(r.contributing)) throw new InputError(`release ${i + 1}: ${r.contributing} made no pledge, so there is nothing to release`, { file: pf, field: 'contributing' });
  });
  inst.pledges.forEach((p, i) => {
    if (benefitting.has(p.state) && p.serves.includes(p.state)) throw new InputError(`pledge ${i + 1} (${p.state}): a state cannot serve itself`, { file: pf, field: 'serves' });
  });
  const largest = Math.max(0, ...inst.pledges.map((p) => p.persons));
  inst.cases.forEach((c, i) => {
    if (c.members.length > largest) {
      throw new InputError(`case ${i + 1} "${c.id}": ${c.members.length} persons, larger than any pledge (the largest is ${largest}); a family is never split (Art 67(6))`, { file: cf, field: 'members' });
    }
  });
  return inst;
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
export const progressSchema = z.strictObject({
  caseId: z.string().min(1),
  status: z.enum(['applicant', 'beneficiary']),
  informationReceived: isoDay,
  postponementNotified: isoDay.nullish(),
  confirmed: isoDay.nullish(),
  transferDecision: isoDay.nullish(),
  personNotified: isoDay.nullish(),
  plannedTransfer: isoDay.nullish(),
  appealFinal: isoDay.nullish(),
  transferred: isoDay.nullish(),
});

/** Parses a list of relocations in progress (for the Art 67(9)–(11) timers), naming the bad record. */
export function parseProgress(json: unknown, file = 'relocations'): z.infer<typeof progressSchema>[] {
  if (!Array.isArray(json)) throw new InputError('expected an array of relocations', { file });
  return parseRecords(file, 'relocation', json, progressSchema);
}
