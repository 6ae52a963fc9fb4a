// Checkout: the shipping address (prefilled from the profile), one
// Idempotency-Key per attempt (a double click or a retry after a network
// error reuses it, so it places one order), and a sold-out line named.
import * as api from '../api.js';
import * as store from '../store.js';
import { load as loadCart } from '../cart.js';
import { h, render, loading, money, field, alertBox, showProblem, busy, flash, formValues } from '../ui.js';
import { go } from '../router.js';

const ADDRESS_FIELDS = [
  ['Full name', 'name', { autocomplete: 'name', required: true, maxlength: 200 }],
  ['Address line 1', 'line1', { autocomplete: 'address-line1', required: true, maxlength: 200 }],
  ['Address line 2 (optional)', 'line2', { autocomplete: 'address-line2', maxlength: 200 }],
  ['City', 'city', { autocomplete: 'address-level2', required: true, maxlength: 200 }],
  ['Postal code', 'postalCode', { autocomplete: 'postal-code', required: true, maxlength: 200 }],
  ['Country (2-letter code)', 'country', { autocomplete: 'country', required: true, maxlength: 2, pattern: '[A-Za-z]{2}' }],
];

export function addressFields(address = {}, prefix = 'addr') {
  return ADDRESS_FIELDS.map(([label, name, attributes]) => field(label, name, { ...attributes, value: address[name] ?? '' }, prefix));
}

export function addressFrom(values) {
  const address = {};
  for (const [, name] of ADDRESS_FIELDS) {
    const value = (values[name] ?? '').trim();
    if (value || name !== 'line2') address[name] = name === 'country' ? value.toUpperCase() : value;
  }
  return address;
}

export async function show() {
  if (!store.signedIn()) {
    go(`#/signin?next=${encodeURIComponent('#/checkout')}`);
    return;
  }
  render(h('h1', {}, 'Checkout'), loading());
  let cart;
  let profile;
  try {
    [cart, profile] = await Promise.all([loadCart(), api.get('/profile', { fresh: true })]);
  } catch (error) {
    const box = h('section', {}, alertBox());
    render(h('h1', {}, 'Checkout'), box);
    showProblem(box, error);
    return;
  }
  if (cart.items.length === 0) {
    render(h('h1', {}, 'Checkout'), h('p', { class: 'empty' }, 'Your cart is empty.'), h('a', { href: '#/' }, 'Browse the products'));
    return;
  }
  const saved = profile.addresses ?? [];
  const fields = h('div', {}, addressFields(saved[0] ?? { name: profile.displayName ?? '' }));
  const choose = saved.length > 1 ? savedAddressPicker(saved, fields) : null;
  let attemptKey = api.newIdempotencyKey();
  const place = h('button', { type: 'submit' }, 'Place order');
  const form = h('form', { class: 'checkout', novalidate: true },
    h('fieldset', {}, h('legend', {}, 'Shipping address'), choose, fields),
    h('p', { class: 'subtotal' }, 'Total: ', h('strong', {}, money(cart.subtotalCents, cart.currency))),
    alertBox(), place);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (form.getAttribute('aria-busy')) return;
    await busy(form, async () => {
      try {
        const order = await api.post('/orders', { shippingAddress: addressFrom(formValues(form)) },
          { headers: { 'Idempotency-Key': attemptKey } });
        store.update({ cartCount: 0 });
        flash(`Thank you! Order placed.`, 'success');
        go(`#/orders/${encodeURIComponent(order.id)}`);
      } catch (error) {
        // A network error or a 503 may have placed the order: the retry keeps the key.
        if (error.status !== 0 && error.status < 500) attemptKey = api.newIdempotencyKey();
        const named = soldOut(error, cart);
        // The API's detail names product ids; the shopper reads the names instead.
        showProblem(form, named.length ? { ...error, title: error.title, detail: null } : error, named);
      }
    });
  });
  render(h('h1', {}, 'Checkout'), lines(cart), form);
}

function savedAddressPicker(saved, fields) {
  const select = h('select', { id: 'saved-address' },
    saved.map((address, i) => h('option', { value: i }, `${address.name}, ${address.line1}, ${address.city}`)));
  select.addEventListener('change', () => fields.replaceChildren(...addressFields(saved[Number(select.value)])));
  return h('div', { class: 'field' }, h('label', { for: 'saved-address' }, 'Saved addresses'), select);
}

function soldOut(error, cart) {
  if (error.status !== 409 || !Array.isArray(error.productIds)) return [];
  const names = error.productIds.map(id => cart.items.find(line => line.productId === id)?.name ?? id);
  return [h('p', {}, 'Not enough stock for: ', h('strong', { class: 'sold-out-names' }, names.join(', '))),
    h('p', {}, h('a', { href: '#/cart' }, 'Change your cart'))];
}

function lines(cart) {
  return h('ul', { class: 'summary', 'aria-label': 'Order summary' },
    cart.items.map(line => h('li', {}, `${line.quantity} × ${line.name}`, ' — ', money(line.lineTotalCents, cart.currency))));
}
