// Sign-in, the idle lock and the roles' names (English). Keys are shared with session.zh-CN.ts.
import type { sessionZh } from './session.zh-CN';

export const sessionEn: Record<keyof typeof sessionZh, string> = {
  'session.title': 'Duty sign-in',
  'session.requiredHint': 'This console requires signing in before use',
  'session.officerId': 'Officer ID',
  'session.password': 'Password',
  'session.submit': 'Sign in',
  'session.signIn': 'Sign in',
  'session.signOut': 'Sign out',
  'session.notSignedIn': 'Not signed in (duty seat)',
  'session.locked': 'Seat locked',
  'session.lockedHint': '{name}: locked after {min} min without input. Type the password to unlock.',
  'session.unlock': 'Unlock',
  'session.err.bad': 'Wrong officer ID or password',
  'session.err.locked': 'Too many failed sign-ins: try again in {s} s',
  'session.err.ended': 'The session has ended: sign in again',
  'session.err.other': 'Sign-in failed: {msg}',
  'role.officer': 'Duty officer',
  'role.supervisor': 'Shift leader',
  'role.department': 'Department liaison',
  'role.leader': 'District leader',
  'role.field': 'Field commander',
  'role.wall': 'Wall seat (read-only)',
  'role.admin': 'Administrator',
  'role.system': 'System',
};
