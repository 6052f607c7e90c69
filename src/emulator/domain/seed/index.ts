/** The seed API: the format's types, validation, the demo data set and the benchmark generator. */
export * from './types';
export * from './parse';
export { SeedError } from './values';
export { demoSeed, DEMO_IDS, DEMO_ACCOUNTS, DEMO_TRANSITION_AFTER_MS } from './demo';
export { generateSeed } from './generate';
