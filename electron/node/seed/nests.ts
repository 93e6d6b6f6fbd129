// The seeded drone nests, for tools that run without a console store (the standalone dock simulator).
export { buildNests as seededNests } from '../../../seeds/generate/index';
