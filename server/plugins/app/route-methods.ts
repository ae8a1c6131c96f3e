/**
 * Which methods each registered route answers, so a request with the wrong method gets 405 naming the allowed ones
 * (`GET /api/ask` → "use POST") instead of a 404 that suggests the path does not exist.
 */

interface RoutePattern {
  /** The route's URL as registered (`/api/passages/:id/similar`) turned into a regular expression. */
  matcher: RegExp;
  methods: Set<string>;
}

export class RouteMethods {
  private readonly byUrl = new Map<string, RoutePattern>();

  /** Records a route. Wildcard routes (static files: `/*`) are left out: they match paths that name nothing. */
  add(method: string | string[], url: string): void {
    if (url.includes('*')) return;
    const key = withoutTrailingSlash(url);
    let pattern = this.byUrl.get(key);
    if (!pattern) this.byUrl.set(key, (pattern = { matcher: toMatcher(key), methods: new Set() }));
    for (const m of Array.isArray(method) ? method : [method]) pattern.methods.add(m.toUpperCase());
  }

  /** Methods the routes matching `path` answer, sorted; empty when no route matches the path. */
  allowed(path: string): string[] {
    const target = withoutTrailingSlash(path.split('?')[0] ?? '');
    const methods = new Set<string>();
    for (const pattern of this.byUrl.values()) {
      if (pattern.matcher.test(target)) for (const m of pattern.methods) methods.add(m);
    }
    return [...methods].sort();
  }
}

function withoutTrailingSlash(url: string): string {
  return url.length > 1 ? url.replace(/\/+$/, '') : url;
}

/** `/api/passages/:id/similar` → /^\/api\/passages\/[^/]+\/similar$/ (parameters match one path segment). */
function toMatcher(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
