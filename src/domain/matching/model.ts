/**
 * The relocation matching model (AMMR Arts 60, 67, 68; domain.md §1.10–1.11): cases (family units, never split,
 * Art 67(6)) held by a benefitting Member State, pledges of places by contributing Member States, and releases that
 * remove a (contributing, benefitting) pair after a finding of systemic shortcomings (Art 60(3)).
 *
 * Persons are whole numbers; every record has an id so that an error or an explanation can name it.
 */
import type { StateCode } from '../member-states.ts';

/** Kinds of meaningful link (Art 67(4); recital 27 names family, cultural and social ties, language, diplomas, previous residence). */
export const LINK_KINDS = ['family', 'previous-residence', 'diploma', 'cultural', 'language'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export type CaseStatus = 'applicant' | 'beneficiary';

export interface Link {
  state: StateCode;
  kind: LinkKind;
}

export interface Member {
  age: number;
}

export interface RelocationCase {
  id: string;
  /** The benefitting Member State that holds the case and asks for its relocation. */
  benefitting: StateCode;
  status: CaseStatus;
  /** Citizenship, a Eurostat/ISO two-letter code. */
  nationality: string;
  languages: string[];
  /** The family unit: it goes to one Member State of relocation or none (Art 67(6)). */
  members: Member[];
  /** Vulnerabilities stated by the benefitting state (e.g. minor, unaccompanied minor, medical): primary consideration, Art 60(1). */
  vulnerabilities: string[];
  links: Link[];
  /** Beneficiaries of international protection are relocated only with written consent (Art 67(4)). */
  consent: boolean;
  /** Reasonable grounds to consider a threat to internal security: excluded from relocation (Art 67(2)). */
  securityFlag: boolean;
}

export interface PledgeRestrictions {
  /** The state stated it takes applicants only (no beneficiaries of protection). */
  applicantsOnly: boolean;
  /** The largest family unit the state's reception can take, if it said so. */
  maxFamilySize: number | null;
}

/** Reasonable preferences for relocation profiles stated at the Technical-Level Forum (Art 60(4)): they raise the fit, never exclude. */
export interface ProfilePreferences {
  languages: string[];
  nationalities: string[];
}

export interface RelocationPledge {
  /** The contributing Member State (the Member State of relocation). */
  state: StateCode;
  /** Places pledged for relocation, in persons. */
  persons: number;
  /** The benefitting Member States these places serve; empty means every benefitting state. */
  serves: StateCode[];
  restrictions: PledgeRestrictions;
  preferences: ProfilePreferences;
}

/** A release from relocation obligations towards a benefitting state found to have systemic shortcomings (Art 60(3)). */
export interface Release {
  contributing: StateCode;
  benefitting: StateCode;
  reason: string;
}

export interface MatchingInstance {
  cases: RelocationCase[];
  pledges: RelocationPledge[];
  releases: Release[];
}

export const caseSize = (c: RelocationCase): number => c.members.length;
export const isVulnerable = (c: RelocationCase): boolean => c.vulnerabilities.length > 0;
