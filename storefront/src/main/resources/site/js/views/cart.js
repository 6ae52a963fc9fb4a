// The cart: quantities, remove, and the subtotal the API computes (a guest
// cart shows unit prices only; its subtotal comes after sign-in).
import * as cart from '../cart.js';
import * as store from '../store.js';
import { h, render, loading, money, showProblem, alertBox, clearProblems } from '../ui.js';

export async function show() {
  render(h('h1', {}, 'Your cart'), loading());
  let current;
  try {
    current = await cart.load();
  } catch (error) {
    const box = h('section', {}, alertBox());
    render(h('h1', {}, 'Your cart'), box);
    showProblem(box, error);
    return;
  }
  draw(current);
}

function draw(current) {
  const section = h('section', { 'aria-label': 'Cart lines' }, alertBox());
  if (current.items.length === 0) {
    render(h('h1', {}, 'Your cart'), h('p', { class: 'empty' }, 'Your cart is empty.'),
      h('p', {}, h('a', { href: '#/' }, 'Browse the products')));
    return;
  }
  const rows = current.items.map(line => row(line, section, current));
  const table = h('table', { class: 'lines' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Product'), h('th', { scope: 'col' }, 'Unit price'),
      h('th', { scope: 'col' }, 'Quantity'), h('th', { scope: 'col' }, 'Line total'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    h('tbody', {}, rows));
  const totals = current.guest
    ? h('p', { class: 'subtotal' }, 'Sign in to see your subtotal and check out. Your cart comes with you.')
    : h('p', { class: 'subtotal' }, 'Subtotal: ', h('strong', {}, money(current.subtotalCents, current.currency)));
  const next = store.signedIn()
    ? h('a', { class: 'button', href: '#/checkout' }, 'Check out')
    : h('a', { class: 'button', href: `#/signin?next=${encodeURIComponent('#/checkout')}` }, 'Sign in to check out');
  section.append(table, totals, next);
  render(h('h1', {}, 'Your cart'), section);
}

function row(line, section, current) {
  const id = `qty-${line.productId}`;
  const quantity = h('input', { id, name: 'quantity', type: 'number', min: 0, max: 99, value: line.quantity, class: 'qty' });
  const update = h('button', { type: 'submit' }, 'Update');
  const form = h('form', { class: 'inline' },
    h('label', { for: id, class: 'visually-hidden' }, `Quantity of ${line.name}`), quantity, update,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
  const act = async work => {
    clearProblems(section);
    try {
      draw(await work());
    } catch (error) {
      showProblem(section, error);
    }
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(() => cart.setQuantity({ id: line.productId, sku: line.sku, name: line.name, priceCents: line.unitPriceCents,
      currency: line.currency ?? current.currency, available: line.available ?? 99 }, Number(quantity.value)));
  });
  const removeButton = h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${line.name}` }, 'Remove');
  removeButton.addEventListener('click', () => act(() => cart.remove(line.productId)));
  return h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/product/${encodeURIComponent(line.productId)}` }, line.name)),
    h('td', {}, money(line.unitPriceCents, current.currency)),
    h('td', {}, form),
    h('td', {}, line.lineTotalCents === undefined ? '—' : money(line.lineTotalCents, current.currency)),
    h('td', {}, removeButton));
}
