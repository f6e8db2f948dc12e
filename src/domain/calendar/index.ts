/** The statutory calendar: Art 75 counting, holidays, and the cycle's deadlines. */
export * from './art75.ts';
export * from './dates.ts';
export * from './deadlines.ts';
export * from './holidays.ts';
