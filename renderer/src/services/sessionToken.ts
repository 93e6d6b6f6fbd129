// The bearer token of this workstation's session, shared by its windows (localStorage: one sign-in per
// console, every window resumes it) and sent when the WebSocket (re)connects (`/ws?resume=<token>`).
const KEY = 'lianqin.session';

export const sessionToken = {
  get(): string | null {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(token: string | null): void {
    try {
      if (token) localStorage.setItem(KEY, token);
      else localStorage.removeItem(KEY);
    } catch {
      /* storage off: the session lasts as long as the connection */
    }
  },
  /** calls back when another window signs in or out */
  onChange(listener: (token: string | null) => void): () => void {
    const h = (e: StorageEvent) => {
      if (e.key === KEY) listener(e.newValue);
    };
    window.addEventListener('storage', h);
    return () => window.removeEventListener('storage', h);
  },
};
