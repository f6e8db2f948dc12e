/**
 * Art 11(1): the three categories of the Commission's decision, independent flags (a state may be in more than one,
 * domain.md §5.3). A module of its own, free of the methodology's schema, so the web front-end can import it.
 */
export const ASSESSMENT_CATEGORIES = ['under-pressure', 'at-risk', 'significant-situation'] as const;
export type AssessmentCategory = (typeof ASSESSMENT_CATEGORIES)[number];
