// The back office, shown to the Cognito group "admin" only (the API refuses
// everyone else anyway): products (create, edit with If-Match, delete),
// stock adjustments, the low-stock report, orders by status and their
// status moves, abandoned carts, and profile lookup by email.
import * as api from '../api.js';
import * as store from '../store.js';
import { h, render, loading, money, date, field, alertBox, showProblem, clearProblems, busy, flash, formValues, stockLabel, shortId } from '../ui.js';
import { go } from '../router.js';
import { statusBadge } from './orders.js';
import * as live from '../live.js';

const STATUSES = ['PLACED', 'SHIPPED', 'DELIVERED', 'CANCELLED'];

export function register(route) {
  route('/admin', guarded(home));
  route('/admin/products', guarded(products));
  route('/admin/products/new', guarded(newProduct));
  route('/admin/products/:id', guarded(editProduct));
  route('/admin/low-stock', guarded(lowStock));
  route('/admin/orders', guarded(orders));
  route('/admin/carts', guarded(carts));
  route('/admin/profiles', guarded(profiles));
}

/**
 * The back office's live alerts, on every page while an admin is signed in: stock that fell to or below the
 * threshold and products deleted, as the table's stream reports them (docs/live-events.md). Each can be dismissed.
 */
export function liveAlert(message) {
  if (!store.isAdmin()) return;
  let text;
  if (message.type === 'stock.low') {
    text = `Low stock: ${message.name} (${message.sku}) has ${message.available} left.`;
  } else if (message.type === 'product.deleted') {
    text = `Product deleted: ${message.name} (${message.sku}).`;
  } else {
    return;
  }
  const region = document.getElementById('live-alerts');
  const alert = h('p', { class: 'flash warning live-alert' }, text, ' ',
    h('a', { href: '#/admin/low-stock' }, 'Low-stock report'), ' ',
    h('button', { type: 'button', class: 'link', onclick: () => alert.remove() }, 'Dismiss'));
  region.append(alert);
}

function guarded(view) {
  return (params, query) => {
    if (!store.signedIn()) return go(`#/signin?next=${encodeURIComponent(location.hash)}`);
    if (!store.isAdmin()) {
      return render(h('h1', {}, 'Not allowed'),
        h('p', { role: 'alert' }, 'The back office is for the shop\'s admins only.'),
        h('p', {}, h('a', { href: '#/' }, 'Back to the products')));
    }
    return view(params, query);
  };
}

function adminNav(current) {
  // Names unlike the main navigation's ("Products", "Orders"), so that no two links say the same.
  const links = [['#/admin/products', 'Manage products'], ['#/admin/low-stock', 'Low stock'], ['#/admin/orders', 'Customer orders'],
    ['#/admin/carts', 'Abandoned carts'], ['#/admin/profiles', 'Profile lookup']];
  return h('nav', { 'aria-label': 'Back office', class: 'admin-nav' },
    h('ul', {}, links.map(([href, text]) => h('li', {}, h('a', { href, 'aria-current': href === current ? 'page' : null }, text)))));
}

function home() {
  render(h('h1', {}, 'Back office'), adminNav('#/admin'),
    h('p', {}, 'Manage the catalog and its stock, move orders along, and look up customers.'));
}

function problemSection() {
  return h('section', { class: 'problems' }, alertBox());
}

async function products() {
  const table = h('table', {},
    h('thead', {}, h('tr', {}, ['Product', 'SKU', 'Category', 'Price', 'Available'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}));
  const problems = problemSection();
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More products');
  render(h('h1', {}, 'Products'), adminNav('#/admin/products'),
    h('p', {}, h('a', { class: 'button', href: '#/admin/products/new' }, 'New product')), problems, table, more);
  let cursor = null;
  const page = async () => {
    more.disabled = true;
    try {
      const result = await api.get('/catalog/products', { query: { limit: 25, cursor }, fresh: true });
      table.tBodies[0].append(...result.items.map(p => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/admin/products/${encodeURIComponent(p.id)}` }, p.name)),
        h('td', {}, p.sku), h('td', {}, p.category), h('td', {}, money(p.priceCents, p.currency)), h('td', {}, p.available))));
      cursor = result.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      showProblem(problems, error);
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', page);
  await page();
}

function productFields(product, creating) {
  return [
    field('SKU', 'sku', { value: product.sku ?? '', required: true, maxlength: 40 }, 'product'),
    field('Name', 'name', { value: product.name ?? '', required: true, maxlength: 200 }, 'product'),
    field('Description', 'description', { as: 'textarea', value: product.description ?? '', maxlength: 4000, rows: 4 }, 'product'),
    field('Category', 'category', { value: product.category ?? '', required: true, maxlength: 40 }, 'product'),
    field('Price in cents', 'priceCents', { type: 'number', value: product.priceCents ?? '', required: true, min: 1 }, 'product'),
    field('Image URL (optional)', 'imageUrl', { type: 'url', value: product.imageUrl ?? '' }, 'product'),
    creating ? field('Initial stock', 'initialStock', { type: 'number', value: 0, min: 0 }, 'product') : null,
  ];
}

function productBody(values, creating) {
  const body = {
    sku: values.sku.trim(), name: values.name.trim(), description: values.description,
    category: values.category.trim(), priceCents: numberOrText(values.priceCents),
  };
  if (values.imageUrl?.trim()) body.imageUrl = values.imageUrl.trim();
  if (creating) body.initialStock = numberOrText(values.initialStock);
  return body;
}

/** Sends what was typed: the API, not the browser, decides what is valid and says why. */
function numberOrText(value) {
  return value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
}

function newProduct() {
  const form = h('form', { class: 'product-form', novalidate: true }, productFields({}, true), alertBox(),
    h('button', { type: 'submit' }, 'Create product'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await busy(form, async () => {
      try {
        const created = await api.post('/catalog/products', productBody(formValues(form), true));
        flash(`Created ${created.name}.`, 'success');
        go(`#/admin/products/${encodeURIComponent(created.id)}`);
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  render(h('h1', {}, 'New product'), adminNav('#/admin/products'), form);
}

async function editProduct({ id }) {
  render(h('h1', {}, 'Edit product'), adminNav('#/admin/products'), loading());
  let product;
  try {
    product = await api.get(`/catalog/products/${encodeURIComponent(id)}`, { fresh: true });
  } catch (error) {
    const problems = problemSection();
    render(h('h1', {}, 'Edit product'), adminNav('#/admin/products'), problems);
    showProblem(problems, error);
    return;
  }
  drawEditor(product);
}

function drawEditor(product) {
  const version = h('p', { class: 'version' }, `Version ${product.version}, last saved ${date(product.updatedAt)}`);
  const form = h('form', { class: 'product-form', novalidate: true }, version, productFields(product, false), alertBox(),
    h('button', { type: 'submit' }, 'Save changes'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await busy(form, async () => {
      try {
        const saved = await api.put(`/catalog/products/${encodeURIComponent(product.id)}`, productBody(formValues(form), false),
          { headers: { 'If-Match': `"${product.version}"` } });
        flash(`Saved ${saved.name} (version ${saved.version}).`, 'success');
        drawEditor(saved);
      } catch (error) {
        if (error.status === 412) {
          showProblem(form, error, await newerVersion(product.id));
        } else {
          showProblem(form, error);
        }
      }
    });
  });

  const stock = h('form', { class: 'stock-form', novalidate: true },
    h('p', {}, `Available: ${product.available} (${stockLabel(product.available)})`),
    field('Change by (e.g. 5 or -2)', 'delta', { type: 'number', required: true }, 'stock'),
    field('Reason', 'reason', { required: true, maxlength: 200 }, 'stock'),
    alertBox(),
    h('button', { type: 'submit' }, 'Adjust stock'));
  stock.addEventListener('submit', async event => {
    event.preventDefault();
    await busy(stock, async () => {
      const values = formValues(stock);
      try {
        const level = await api.post(`/catalog/products/${encodeURIComponent(product.id)}/stock/adjustments`,
          { delta: numberOrText(values.delta), reason: values.reason });
        flash(`Stock of ${product.name} is now ${level.available}.`, 'success');
        drawEditor({ ...product, available: level.available });
      } catch (error) {
        showProblem(stock, error);
      }
    });
  });

  const remove = h('form', { class: 'delete-form' }, alertBox(), h('button', { type: 'submit', class: 'danger' }, 'Delete product'));
  remove.addEventListener('submit', async event => {
    event.preventDefault();
    if (!confirm(`Delete ${product.name}? It leaves the shop at once.`)) return;
    await busy(remove, async () => {
      try {
        await api.del(`/catalog/products/${encodeURIComponent(product.id)}`);
        flash(`Deleted ${product.name}.`, 'success');
        go('#/admin/products');
      } catch (error) {
        showProblem(remove, error);
      }
    });
  });

  render(h('h1', {}, `Edit ${product.name}`), adminNav('#/admin/products'), form,
    h('h2', {}, 'Stock'), stock, h('h2', {}, 'Delete'), remove);
}

/** After a 412: what the other admin saved, and a way to start again from it. */
async function newerVersion(id) {
  let newer;
  try {
    newer = await api.get(`/catalog/products/${encodeURIComponent(id)}`, { fresh: true });
  } catch (error) {
    return [h('p', {}, `The newer version cannot be read: ${error.title}`)];
  }
  const reload = h('button', { type: 'button' }, 'Load the newer version');
  reload.addEventListener('click', () => {
    flash(`Loaded version ${newer.version}. Make your changes again.`);
    drawEditor(newer);
  });
  return [h('p', {}, `Someone saved version ${newer.version} first: "${newer.name}", ${money(newer.priceCents, newer.currency)}.`), reload];
}

async function lowStock(_, { threshold = '5' }) {
  const form = h('form', { class: 'inline-form', novalidate: true },
    field('Threshold', 'threshold', { type: 'number', min: 0, value: threshold }, 'low'),
    h('button', { type: 'submit' }, 'Show'), alertBox());
  form.addEventListener('submit', event => {
    event.preventDefault();
    go(`#/admin/low-stock?threshold=${encodeURIComponent(formValues(form).threshold)}`);
  });
  const table = h('table', {},
    h('thead', {}, h('tr', {}, ['Product', 'SKU', 'Available'].map(t => h('th', { scope: 'col' }, t)))), h('tbody', {}));
  const status = h('div', {}, loading());
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More');
  render(h('h1', {}, 'Low stock'), adminNav('#/admin/low-stock'), form, table, status, more);
  let reread = () => {};
  live.forView(message => {
    if (['live.connected', 'stock.low', 'product.deleted'].includes(message.type)) reread();
  });
  reread = await pages(more, status, form, table,
    cursor => api.get('/catalog/admin/low-stock', { query: { threshold, limit: 25, cursor }, fresh: true }),
    row => h('tr', {}, h('th', { scope: 'row' }, h('a', { href: `#/admin/products/${encodeURIComponent(row.productId)}` }, row.name)),
      h('td', {}, row.sku), h('td', {}, row.available)),
    'No product is at or below this threshold.');
}

/** Fills a table a page at a time; the empty message when there is nothing. */
async function pages(more, status, problems, table, fetchPage, toRow, emptyText) {
  let cursor = null;
  let generation = 0;
  const next = async (fromStart = false) => {
    if (fromStart) { generation += 1; cursor = null; }
    const mine = generation;
    more.disabled = true;
    try {
      const page = await fetchPage(cursor);
      if (mine !== generation) return;   // a newer re-read started meanwhile
      if (fromStart) table.tBodies[0].replaceChildren();
      table.tBodies[0].append(...page.items.map(toRow));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      const none = table.tBodies[0].rows.length === 0;
      table.hidden = none;
      status.replaceChildren(none ? h('p', { class: 'empty' }, emptyText) : '');
    } catch (error) {
      status.replaceChildren();
      showProblem(problems, error);
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => next());
  await next();
  return () => next(true);
}

async function orders(_, { status = 'PLACED' }) {
  const select = h('select', { id: 'order-status', name: 'status' },
    STATUSES.map(s => h('option', { value: s, selected: s === status }, s)));
  const filter = h('form', { class: 'inline-form' },
    h('div', { class: 'field' }, h('label', { for: 'order-status' }, 'Status'), select),
    h('button', { type: 'submit' }, 'Show'), alertBox());
  filter.addEventListener('submit', event => {
    event.preventDefault();
    go(`#/admin/orders?status=${select.value}`);
  });
  const table = h('table', {},
    h('thead', {}, h('tr', {}, ['Order', 'Placed', 'Customer', 'Total', 'Status', 'Move to'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}));
  const state = h('div', {}, loading());
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More orders');
  render(h('h1', {}, `Orders: ${status}`), adminNav('#/admin/orders'), filter, table, state, more);
  let reread = () => {};
  // Live: every order's changes. A shown order's status cell follows its moves; a new order in this list, or a
  // (re)connect, re-reads it.
  live.forView(message => {
    const row = message.orderId && table.querySelector(`tr[data-order-id="${CSS.escape(message.orderId)}"]`);
    if (row && message.to) {
      row.querySelector('.status-cell').replaceChildren(statusBadge(message.to), ' (live)');
    } else if (message.type === 'live.connected' || (message.type === 'order.placed' && status === 'PLACED')) {
      reread();
    }
  });
  reread = await pages(more, state, filter, table,
    cursor => api.get('/orders/admin', { query: { status, limit: 25, cursor }, fresh: true }),
    orderRow, `No ${status} orders.`);
}

function orderRow(order) {
  const id = `move-${order.id}`;
  const target = h('select', { id, name: 'status' }, STATUSES.filter(s => s !== order.status).map(s => h('option', { value: s }, s)));
  const cell = h('td', { class: 'status-cell' });
  const move = h('form', { class: 'inline' },
    h('label', { for: id, class: 'visually-hidden' }, `New status of order ${shortId(order.id)}`), target,
    h('button', { type: 'submit' }, 'Move'), alertBox());
  move.addEventListener('submit', async event => {
    event.preventDefault();
    await busy(move, async () => {
      clearProblems(move);
      try {
        const moved = await api.put(`/orders/${encodeURIComponent(order.id)}/status`, { status: target.value });
        cell.replaceChildren(statusBadge(moved.status));
        move.replaceChildren(h('p', {}, `Moved to ${moved.status}.`));
      } catch (error) {
        showProblem(move, error);
      }
    });
  });
  cell.append(statusBadge(order.status));
  return h('tr', { dataset: { orderId: order.id } },
    h('th', { scope: 'row' }, shortId(order.id)),
    h('td', {}, date(order.createdAt)),
    h('td', {}, order.shippingAddress?.name ?? order.userId),
    h('td', {}, money(order.totalCents, order.currency)),
    cell,
    h('td', {}, move));
}

async function carts(_, { idleMinutes = '60' }) {
  const form = h('form', { class: 'inline-form', novalidate: true },
    field('Idle for at least (minutes)', 'idleMinutes', { type: 'number', min: 0, value: idleMinutes }, 'carts'),
    h('button', { type: 'submit' }, 'Show'), alertBox());
  form.addEventListener('submit', event => {
    event.preventDefault();
    go(`#/admin/carts?idleMinutes=${encodeURIComponent(formValues(form).idleMinutes)}`);
  });
  const table = h('table', {},
    h('thead', {}, h('tr', {}, ['User', 'Items', 'Subtotal', 'Last change'].map(t => h('th', { scope: 'col' }, t)))), h('tbody', {}));
  const status = h('div', {}, loading());
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More carts');
  render(h('h1', {}, 'Abandoned carts'), adminNav('#/admin/carts'), form, table, status, more);
  await pages(more, status, form, table,
    cursor => api.get('/cart/admin/abandoned', { query: { idleMinutes, limit: 25, cursor }, fresh: true }),
    cart => h('tr', {}, h('th', { scope: 'row' }, cart.userId), h('td', {}, cart.itemCount),
      h('td', {}, money(cart.subtotalCents)), h('td', {}, date(cart.updatedAt))),
    'No cart has been idle that long.');
}

async function profiles(_, { email = '' }) {
  const form = h('form', { class: 'inline-form', novalidate: true },
    field('Customer email', 'email', { type: 'email', value: email, required: true }, 'lookup'),
    h('button', { type: 'submit' }, 'Look up'), alertBox());
  form.addEventListener('submit', event => {
    event.preventDefault();
    go(`#/admin/profiles?email=${encodeURIComponent(formValues(form).email.trim())}`);
  });
  const result = h('div', {});
  render(h('h1', {}, 'Profile lookup'), adminNav('#/admin/profiles'), form, result);
  if (!email) return;
  result.append(loading());
  try {
    const profile = await api.get('/profile/admin', { query: { email }, fresh: true });
    result.replaceChildren(h('dl', { class: 'profile-card' },
      h('dt', {}, 'Email'), h('dd', {}, profile.email),
      h('dt', {}, 'Display name'), h('dd', {}, profile.displayName ?? ''),
      h('dt', {}, 'User id'), h('dd', {}, profile.userId),
      h('dt', {}, 'Saved addresses'), h('dd', {}, String((profile.addresses ?? []).length)),
      h('dt', {}, 'Customer since'), h('dd', {}, date(profile.createdAt))));
  } catch (error) {
    result.replaceChildren();
    showProblem(form, error.status === 404 ? { title: 'No profile with this email', detail: email } : error);
  }
}
