// Product detail: image, price, stock state, and "Add to cart".
import * as api from '../api.js';
import * as cart from '../cart.js';
import { h, render, loading, money, stockLabel, productImage, showProblem, alertBox, busy, flash } from '../ui.js';

export async function show({ id }) {
  render(h('h1', {}, 'Product'), loading());
  let product;
  try {
    product = await api.get(`/catalog/products/${encodeURIComponent(id)}`, { auth: false, fresh: true });
  } catch (error) {
    const box = h('section', {}, alertBox());
    render(h('h1', {}, error.status === 404 ? 'This product is not available' : 'Product'), box,
      h('p', {}, h('a', { href: '#/' }, 'Back to the products')));
    showProblem(box, error);
    return;
  }
  const label = stockLabel(product.available);
  const quantity = h('input', { id: 'quantity', name: 'quantity', type: 'number', min: 1, max: Math.max(1, Math.min(99, product.available)), value: 1, required: true });
  const form = h('form', { class: 'add-to-cart' },
    h('div', { class: 'field' }, h('label', { for: 'quantity' }, 'Quantity'), quantity,
      h('p', { class: 'field-error', id: 'quantity-error', hidden: true })),
    h('button', { type: 'submit', disabled: product.available <= 0 }, 'Add to cart'),
    alertBox());
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await busy(form, async () => {
      try {
        await cart.add(product, Number(quantity.value));
        flash(`Added ${quantity.value} × ${product.name} to your cart.`, 'success');
      } catch (error) {
        showProblem(form, error);
      }
    });
  });
  render(
    h('p', { class: 'crumbs' }, h('a', { href: `#/category/${encodeURIComponent(product.category)}` }, `Back to ${product.category}`)),
    h('article', { class: 'product' },
      productImage(product, { alt: product.name, width: 640, height: 480 }),
      h('div', {},
        h('h1', {}, product.name),
        h('p', { class: 'price' }, money(product.priceCents, product.currency)),
        h('p', { class: `stock ${label.replace(/ .*/, '')}` }, label),
        h('p', {}, product.description ?? ''),
        h('p', { class: 'sku' }, `SKU ${product.sku}`),
        form)));
}
