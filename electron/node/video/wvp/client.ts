// HTTP client for WVP-GB28181-pro: signs in with the md5 of the password, sends the token as the
// `access-token` header, and signs in again when the token has expired (HTTP 401 or code 401) or is
// older than it should be. Every answer is `{ code, msg, data }` with code 0 for success.
import crypto from 'node:crypto';
import { PlatformError } from '../platform';
import type { WvpCredentials } from './settings';

export interface WvpClientOptions {
  baseUrl: string;
  credentials: () => WvpCredentials | string;
  fetch?: typeof fetch;
  /** ms; a play start is held open by WVP until the stream is up, so it gets its own, longer limit */
  timeoutMs?: number;
  now?: () => number;
  /** sign in again after this long even without a 401 (WVP's JWTs last 30 minutes by default) */
  tokenMaxAgeMs?: number;
}

interface WvpAnswer<T> {
  code: number;
  msg?: string;
  data?: T;
}

export class WvpClient {
  private token: string | null = null;
  private tokenAt = 0;
  private signingIn: Promise<string> | null = null;
  /** sign-ins so far (tests check re-login) */
  logins = 0;

  constructor(private readonly o: WvpClientOptions) {}

  private get fetchFn(): typeof fetch {
    return this.o.fetch ?? fetch;
  }
  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  private async raw(path: string, query: Record<string, string | number>, token: string | null, timeoutMs: number) {
    const url = new URL(this.o.baseUrl + path);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        headers: token ? { 'access-token': token, accept: 'application/json' } : { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const why = (e as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e as Error).message;
      throw new PlatformError('unreachable', `WVP at ${this.o.baseUrl} did not answer ${path}: ${why}`);
    }
    const body = (await res.json().catch(() => null)) as WvpAnswer<unknown> | null;
    return { status: res.status, body };
  }

  private async signIn(): Promise<string> {
    const creds = this.o.credentials();
    if (typeof creds === 'string') throw new PlatformError('refused', creds);
    const md5 = crypto.createHash('md5').update(creds.password).digest('hex');
    const { status, body } = await this.raw(
      '/api/user/login',
      { username: creds.username, password: md5 },
      null,
      this.o.timeoutMs ?? 8_000,
    );
    const token = (body?.data as { accessToken?: unknown } | undefined)?.accessToken;
    if (status !== 200 || body?.code !== 0 || typeof token !== 'string' || !token) {
      throw new PlatformError(
        'refused',
        `WVP refused the sign-in for ${creds.username}: ${body?.msg ?? `HTTP ${status}`}`,
      );
    }
    this.logins++;
    this.token = token;
    this.tokenAt = this.now();
    return token;
  }

  private async ensureToken(force: boolean): Promise<string> {
    const stale = this.now() - this.tokenAt > (this.o.tokenMaxAgeMs ?? 25 * 60_000);
    if (this.token && !force && !stale) return this.token;
    this.signingIn ??= this.signIn().finally(() => (this.signingIn = null));
    return this.signingIn;
  }

  /** GET an API path; returns `data`. Throws PlatformError('refused') with WVP's own message when code ≠ 0. */
  async get<T>(path: string, query: Record<string, string | number> = {}, timeoutMs?: number): Promise<T> {
    const limit = timeoutMs ?? this.o.timeoutMs ?? 8_000;
    let token = await this.ensureToken(false);
    let r = await this.raw(path, query, token, limit);
    if (r.status === 401 || r.body?.code === 401) {
      token = await this.ensureToken(true);
      r = await this.raw(path, query, token, limit);
    }
    if (r.status === 401 || r.body?.code === 401)
      throw new PlatformError('refused', `WVP keeps refusing ${path} after signing in again`);
    if (!r.body) throw new PlatformError('unreachable', `WVP answered ${path} with HTTP ${r.status} and no JSON`);
    if (r.body.code !== 0)
      throw new PlatformError('refused', `WVP: ${r.body.msg ?? 'error'} (code ${r.body.code})`, r.body.code);
    return r.body.data as T;
  }
}
