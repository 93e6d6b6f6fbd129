// What every service contract is made of: methods (argument tuples as zod schemas, checked at the
// serving edge) and events (named onDidX, subscribed with a listener that returns an unsubscribe).
import { z } from 'zod';

export type Listener<T> = (value: T) => void;
export type Unsubscribe = () => void;
export type EventSource<T> = (listener: Listener<T>) => Unsubscribe;

export interface ServiceContract {
  methods: Record<string, z.ZodType>;
  events: readonly string[];
}

export const none = z.tuple([]);
export const lonSchema = z.number().min(-180).max(180);
export const latSchema = z.number().min(-90).max(90);
export const limitSchema = z.number().int().min(1).max(50_000);

export function isEventName(name: string): boolean {
  return /^onDid[A-Z]/.test(name);
}
