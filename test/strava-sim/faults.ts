// Faults queued through the admin endpoint. Each applies to the next N requests whose path
// contains `path` (default: every API request), then disappears. 'revoked' is not queued: it
// invalidates every grant at once (see SimState.revokeAll).

const FAULT_KINDS = [
  'expired',
  'revoked',
  '429',
  '500',
  '503',
  'slow',
  'malformed',
  'missing-field',
] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRequest {
  kind: FaultKind;
  /** How many matching requests it affects (default 1). */
  count?: number;
  /** Substring of the request path (default '/api/v3/' or the api-v3 host's paths). */
  path?: string;
  /** slow: delay in ms (default 2000). */
  delayMs?: number;
  /** missing-field: the field removed from the body, or from each item of a list (default 'id'). */
  field?: string;
}

export interface Fault extends Required<Pick<FaultRequest, 'kind' | 'count'>> {
  path?: string;
  delayMs: number;
  field: string;
}

export class FaultQueue {
  private faults: Fault[] = [];

  add(req: FaultRequest): Fault {
    if (!FAULT_KINDS.includes(req.kind)) throw new Error(`unknown fault kind ${String(req.kind)}`);
    const fault: Fault = {
      kind: req.kind,
      count: Math.max(1, Math.floor(req.count ?? 1)),
      path: req.path,
      delayMs: req.delayMs ?? 2000,
      field: req.field ?? 'id',
    };
    this.faults.push(fault);
    return fault;
  }

  /** Faults for this request (at most one of each kind), each consumed once. */
  take(path: string, isApi: boolean): Fault[] {
    const taken: Fault[] = [];
    for (const f of this.faults) {
      if (taken.some((t) => t.kind === f.kind)) continue;
      if (f.path === undefined ? !isApi : !path.includes(f.path)) continue;
      f.count--;
      taken.push(f);
    }
    this.faults = this.faults.filter((f) => f.count > 0);
    return taken;
  }

  pending(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}
