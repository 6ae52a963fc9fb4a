// Hash routes: the URL says where the user is, so a reload keeps them there.
// '#/orders/abc?x=1' -> the view registered for '/orders/:id' with {id: 'abc'} and query {x: '1'}.
const routes = [];

export function route(pattern, view) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:([a-zA-Z]+)/g, (_, name) => { names.push(name); return '([^/]+)'; }) + '$');
  routes.push({ regex, names, view });
}

export function current() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

export function go(hash) {
  if (location.hash === hash) dispatch(); else location.hash = hash;
}

export async function dispatch() {
  const { path, query } = current();
  for (const { regex, names, view } of routes) {
    const match = regex.exec(path);
    if (match) {
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      return view(params, query);
    }
  }
  return routes.notFound?.();
}

export function notFound(view) {
  routes.notFound = view;
}

export function start() {
  window.addEventListener('hashchange', dispatch);
  return dispatch();
}
