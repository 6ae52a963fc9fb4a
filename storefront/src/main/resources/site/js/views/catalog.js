// The product grid: categories, then products a page at a time ("More products" follows nextCursor).
import * as api from '../api.js';
import { h, render, loading, money, stockLabel, productImage, showProblem, alertBox } from '../ui.js';

export async function show({ category } = {}) {
  const categoriesNav = h('nav', { 'aria-label': 'Categories', class: 'categories' }, loading('Loading categories…'));
  const grid = h('ul', { class: 'grid', 'aria-label': 'Products' });
  const status = h('div', {}, loading('Loading products…'));
  const alert = alertBox();
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More products');
  render(h('h1', {}, category ? `Products: ${category}` : 'All products'), categoriesNav, alert, grid, status, more);

  api.get('/catalog/categories').then(({ items }) => {
    categoriesNav.replaceChildren(h('ul', {},
      h('li', {}, h('a', { href: '#/', 'aria-current': category ? null : 'page' }, 'All')),
      items.map(c => h('li', {}, h('a', { href: `#/category/${encodeURIComponent(c.id)}`, 'aria-current': c.id === category ? 'page' : null },
        `${c.name} (${c.productCount})`)))));
  }).catch(error => categoriesNav.replaceChildren(h('p', { role: 'alert' }, `Categories: ${error.title}`)));

  let cursor = null;
  const loadPage = async () => {
    more.disabled = true;
    try {
      const page = await api.get('/catalog/products', { query: { category, limit: 12, cursor }, auth: false });
      grid.append(...page.items.map(card));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      status.replaceChildren(grid.children.length ? '' : h('p', { class: 'empty' }, 'No products here yet.'));
    } catch (error) {
      status.replaceChildren();
      showProblem(alert.parentElement, error);
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', loadPage);
  await loadPage();
}

function card(product) {
  const label = stockLabel(product.available);
  return h('li', { class: 'card' },
    h('article', {},
      productImage(product, { alt: '', width: 320, height: 240, loading: 'lazy' }),
      h('h2', {}, h('a', { href: `#/product/${encodeURIComponent(product.id)}` }, product.name)),
      h('p', { class: 'price' }, money(product.priceCents, product.currency)),
      h('p', { class: `stock ${label.replace(/ .*/, '')}` }, label)));
}
