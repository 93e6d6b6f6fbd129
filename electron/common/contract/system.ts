// Console-wide status: version, counts, first-start progress.
import type { Counts, SeedProgress, SystemInfo } from '../dto';
import { none, type EventSource, type ServiceContract } from './base';

export interface ISystemService {
  getInfo(): Promise<SystemInfo>;
  getCounts(): Promise<Counts>;
  onDidSeedProgress: EventSource<SeedProgress>;
}

export const systemContract = {
  methods: { getInfo: none, getCounts: none },
  events: ['onDidSeedProgress'],
} as const satisfies ServiceContract;
