// Window roles and the page each opens. In browser mode `?window=<role>` on any page opens that role
// (a wall controller opens one URL per screen); unknown roles are refused with the list of known ones.
import { WINDOW_PAGES } from '../windows';
import { WINDOW_ROLES, type WindowRole } from './layout';

export function isWindowRole(v: unknown): v is WindowRole {
  return typeof v === 'string' && (WINDOW_ROLES as readonly string[]).includes(v);
}

/** The page (relative to the app root) a role opens: '' for the map wall's index. */
export function pageForRole(role: WindowRole): string {
  return WINDOW_PAGES.find((w) => w.kind === role)?.page ?? '';
}

/**
 * Where `?window=<role>` should take a page that is `here` (its own role): null to stay; a path to go
 * to; or an error naming the roles there are.
 */
export function roleRedirect(search: string, here: WindowRole): { to: string } | { error: string } | null {
  const want = new URLSearchParams(search).get('window');
  if (want === null || want === here) return null;
  if (!isWindowRole(want))
    return { error: `unknown window role ${JSON.stringify(want)}; known: ${WINDOW_ROLES.join(', ')}` };
  const rest = new URLSearchParams(search);
  rest.delete('window');
  const q = rest.toString();
  return { to: `/${pageForRole(want)}${q ? `?${q}` : ''}` };
}

/** The role of the page at `pathname` ('/', '/index.html' and unknown pages: the map wall). */
export function roleOfPath(pathname: string): WindowRole {
  const file = pathname.split('/').pop() ?? '';
  const hit = WINDOW_PAGES.find((w) => w.page && w.page === file && isWindowRole(w.kind));
  return hit ? (hit.kind as WindowRole) : 'map-wall';
}
