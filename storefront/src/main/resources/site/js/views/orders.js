// Order history (newest first, "Older orders" follows nextCursor), order detail, cancel while PLACED.
import * as api from '../api.js';
import * as store from '../store.js';
import { h, render, loading, money, date, alertBox, showProblem, busy, flash, shortId } from '../ui.js';
import { go } from '../router.js';
import * as live from '../live.js';

const ORDER_EVENTS = new Set(['order.placed', 'order.status-changed', 'order.cancelled']);

export function statusBadge(status) {
  return h('span', { class: `status ${status.toLowerCase()}` }, status);
}

export async function list() {
  if (!store.signedIn()) return go(`#/signin?next=${encodeURIComponent('#/orders')}`);
  const table = h('table', { class: 'orders' },
    h('thead', {}, h('tr', {}, ['Order', 'Placed', 'Status', 'Total'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}));
  const status = h('div', {}, loading('Loading your orders…'));
  const alert = h('section', {}, alertBox());
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Older orders');
  render(h('h1', {}, 'Your orders'), alert, table, status, more);
  let cursor = null;
  let generation = 0;
  const page = async (fromStart = false) => {
    if (fromStart) { generation += 1; cursor = null; }
    const mine = generation;
    more.disabled = true;
    try {
      const result = await api.get('/orders', { query: { limit: 10, cursor }, fresh: true, background: fromStart });
      if (mine !== generation) return;   // a newer re-read started meanwhile
      if (fromStart) table.tBodies[0].replaceChildren();
      table.tBodies[0].append(...result.items.map(order => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/orders/${encodeURIComponent(order.id)}` }, `Order ${shortId(order.id)}`)),
        h('td', {}, date(order.createdAt)),
        h('td', {}, statusBadge(order.status)),
        h('td', {}, money(order.totalCents, order.currency)))));
      cursor = result.nextCursor;
      more.hidden = !cursor;
      const none = table.tBodies[0].rows.length === 0;
      table.hidden = none;
      status.replaceChildren(none ? h('p', { class: 'empty' }, 'You have no orders yet.') : '');
    } catch (error) {
      status.replaceChildren();
      showProblem(alert, error);
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => page());
  // Live: a status change or a new order re-reads the first page; so does every (re)connect.
  live.forView(message => {
    if (message.type === 'live.connected' || ORDER_EVENTS.has(message.type)) page(true);
  });
  await page();
}

export async function detail({ id }) {
  if (!store.signedIn()) return go(`#/signin?next=${encodeURIComponent(location.hash)}`);
  render(h('h1', {}, 'Order'), loading());
  let generation = 0;
  const read = async message => {
    const mine = ++generation;
    const order = await api.get(`/orders/${encodeURIComponent(id)}`, { fresh: true, background: Boolean(message) });
    if (mine === generation) drawOrder(order, message);   // else a newer read is on its way
  };
  // Live: this order's events, and every (re)connect, re-read it (the event is a hint, the API the record).
  live.forView(message => {
    if (message.type === 'live.connected' || (ORDER_EVENTS.has(message.type) && message.orderId === id)) {
      read(message).catch(() => {});   // the page keeps what it shows; the next event or reconnect tries again
    }
  });
  try {
    await read(null);
  } catch (error) {
    const box = h('section', {}, alertBox());
    render(h('h1', {}, 'Order not found'), box, h('a', { href: '#/orders' }, 'Your orders'));
    showProblem(box, error);
  }
}

function drawOrder(order, message) {
  const actions = h('form', { class: 'actions' }, alertBox());
  if (order.status === 'PLACED') {
    actions.append(h('button', { type: 'submit', class: 'danger' }, 'Cancel order'));
    actions.addEventListener('submit', async event => {
      event.preventDefault();
      if (!confirm('Cancel this order? Its items go back on sale.')) return;
      await busy(actions, async () => {
        try {
          const cancelled = await api.post(`/orders/${encodeURIComponent(order.id)}/cancel`, undefined);
          flash('Your order is cancelled.', 'success');
          drawOrder(cancelled);
        } catch (error) {
          showProblem(actions, error);
        }
      });
    });
  }
  const address = order.shippingAddress ?? {};
  render(
    h('h1', {}, `Order ${shortId(order.id)}`),
    h('p', {}, 'Status: ', statusBadge(order.status)),
    message?.to ? h('p', { class: 'live-note', role: 'status' }, `Updated live: ${message.from} → ${message.to}.`) : null,
    h('p', {}, `Placed ${date(order.createdAt)}`),
    h('table', { class: 'lines' },
      h('thead', {}, h('tr', {}, ['Product', 'Quantity', 'Unit price', 'Line total'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, order.items.map(line => h('tr', {},
        h('th', { scope: 'row' }, line.name), h('td', {}, line.quantity),
        h('td', {}, money(line.unitPriceCents, order.currency)), h('td', {}, money(line.lineTotalCents, order.currency)))))),
    h('p', { class: 'subtotal' }, 'Total: ', h('strong', {}, money(order.totalCents, order.currency))),
    h('h2', {}, 'Shipping to'),
    h('address', {}, [address.name, address.line1, address.line2, `${address.postalCode ?? ''} ${address.city ?? ''}`, address.country]
      .filter(Boolean).flatMap(line => [line, h('br')])),
    actions,
    h('p', {}, h('a', { href: '#/orders' }, 'All your orders')));
}
