// Keys of the seeded blobs in sensing_reference (written by node/seed/sensing.ts, read by the services).
export const SENSING_KEYS = {
  stations: 'stations',
  calm: 'calm',
  collapse: 'collapse-units',
  indicators: 'indicators',
  scenarios: 'scenarios',
  flood2020: 'flood-2020',
} as const;
