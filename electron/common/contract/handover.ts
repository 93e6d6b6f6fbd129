// Shift handover: the reports kept at each shift change, the report for any moment, and the incoming
// officer's acceptance (once, audited). Windows hear when a change has made a new report.
import { z } from 'zod';
import { actorSchema, type Actor } from '../dispatch/types';
import type { HandoverRecord, HandoverReport } from '../handover/types';
import type { EventSource, ServiceContract } from './base';

export interface IHandoverService {
  list(limit?: number): Promise<HandoverRecord[]>;
  /** the report of the shift ending at `at` (default now): as kept at that change, else built now */
  report(at?: number): Promise<{ report: HandoverReport; record: HandoverRecord | null }>;
  accept(id: string, note?: string, actor?: Actor): Promise<HandoverRecord>;
  onDidDue: EventSource<HandoverRecord>;
}

export const handoverContract = {
  methods: {
    list: z.tuple([z.number().int().min(1).max(500).optional()]),
    report: z.tuple([z.number().int().min(0).optional()]),
    accept: z.tuple([z.string().min(1).max(40), z.string().max(500).optional(), actorSchema.optional()]),
  },
  events: ['onDidDue'],
} as const satisfies ServiceContract;
