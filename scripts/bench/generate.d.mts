/** Mulberry32: numbers in [0, 1) from a seed, the same for the same seed. */
export function prng(seed: number): () => number;
/** Bumped whenever the files change. */
export const GENERATOR_VERSION: number;
/** A realistic users CSV of `rows` rows (PERF-NOTES' mix), the same for the same seed. */
export function generateCsv(rows: number, seed?: number): string;
