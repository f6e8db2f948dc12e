/** The Annual Solidarity Pool: events, the state machine, accounting, offsets, authority and visibility. */
export * from './accounting.ts';
export * from './apply.ts';
export * from './authority.ts';
export * from './builders.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './measures.ts';
export * from './offsets.ts';
export * from './roles.ts';
export * from './settings.ts';
export * from './state.ts';
export * from './visibility.ts';
export * from './scenario.ts';
