// The cart: the account's cart on the API when signed in, a guest cart in
// this browser before. On sign-in the guest lines merge into the account's
// cart; each merged line leaves the guest cart at once, so a repeated sign-in
// cannot add it twice, and a line the API refuses is reported, not dropped.
import * as api from './api.js';
import * as store from './store.js';

const GUEST_KEY = 'shop.guestCart';
/** The account cart's line limit (CartLimits.MAX_CART_LINES), applied to the guest cart too. */
const GUEST_MAX_LINES = 40;

export function guestLines() {
  return JSON.parse(localStorage.getItem(GUEST_KEY) ?? '[]');
}

function saveGuest(lines) {
  localStorage.setItem(GUEST_KEY, JSON.stringify(lines));
  if (!store.signedIn()) store.update({ cartCount: lines.length });
}

/** The cart as the views show it: { items, subtotalCents?, currency, guest }. */
export async function load({ background = false } = {}) {
  if (!store.signedIn()) {
    const items = guestLines();
    store.update({ cartCount: items.length });
    return { items, guest: true, currency: items[0]?.currency ?? 'USD' };
  }
  const cart = await api.get('/cart', { fresh: true, background });
  store.update({ cartCount: cart.items.length });
  return cart;
}

/** Sets a line's quantity (0 removes it); `product` gives a guest line its name and price to show. */
export async function setQuantity(product, quantity) {
  if (!store.signedIn()) {
    if (quantity > product.available) {
      throw new api.ApiError(409, { title: 'Not enough stock', detail: `Only ${product.available} of ${product.name} available.` });
    }
    if (quantity > 0 && !guestLines().some(kept => kept.productId === product.id) && guestLines().length >= GUEST_MAX_LINES) {
      throw new api.ApiError(409, { title: 'Your cart is full', detail: `A cart holds at most ${GUEST_MAX_LINES} different products.` });
    }
    const line = { productId: product.id, sku: product.sku, name: product.name, quantity,
      unitPriceCents: product.priceCents, currency: product.currency, available: product.available };
    const lines = guestLines();
    const index = lines.findIndex(kept => kept.productId === product.id);
    if (index >= 0 && quantity > 0) lines[index] = line;
    else if (index >= 0) lines.splice(index, 1);
    else if (quantity > 0) lines.push(line);
    saveGuest(lines);
    return load();
  }
  const cart = await api.put(`/cart/items/${encodeURIComponent(product.id)}`, { quantity });
  store.update({ cartCount: cart.items.length });
  return cart;
}

/** Adds to the quantity already in the cart. */
export async function add(product, quantity = 1) {
  const cart = await load();
  const current = cart.items.find(line => line.productId === product.id)?.quantity ?? 0;
  return setQuantity(product, current + quantity);
}

export async function remove(productId) {
  if (!store.signedIn()) {
    saveGuest(guestLines().filter(line => line.productId !== productId));
    return load();
  }
  const cart = await api.del(`/cart/items/${encodeURIComponent(productId)}`);
  store.update({ cartCount: cart.items.length });
  return cart;
}

/**
 * Moves the guest lines into the signed-in account's cart, adding to what the
 * account holds. Returns messages for the lines the API refused (stock, the
 * line limit, a product gone); those lines stay out of both carts, and the
 * message says so.
 */
export async function mergeGuestCart() {
  const problems = [];
  let cart = await api.get('/cart', { fresh: true });
  for (const line of guestLines()) {
    const current = cart.items.find(item => item.productId === line.productId)?.quantity ?? 0;
    try {
      cart = await api.put(`/cart/items/${encodeURIComponent(line.productId)}`, { quantity: Math.min(99, current + line.quantity) });
    } catch (error) {
      if (error.status === 0 || error.status === 401 || error.status >= 500) throw error;
      problems.push(`${line.name} was not added: ${error.detail ?? error.title}`);
    }
    saveGuest(guestLines().filter(kept => kept.productId !== line.productId));
  }
  store.update({ cartCount: cart.items.length });
  return problems;
}
