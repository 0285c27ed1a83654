// Upstream's comparison of issue URLs: drop the scheme, a leading `www.` and the `#fragment`, drop
// trailing slashes from the path, lowercase host and path, keep the `?query` exactly.
import { memoString } from './memo';

export const normalizeUpstreamUrl = memoString(normalize);

function normalize(url: string): string {
  let rest = url.trim().slice(0, 2000);
  rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const query = q >= 0 ? rest.slice(q) : '';
  let hostAndPath = q >= 0 ? rest.slice(0, q) : rest;
  hostAndPath = hostAndPath.replace(/^www\./i, '').replace(/\/+$/, '').toLowerCase();
  return hostAndPath + query;
}
