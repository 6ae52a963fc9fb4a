// Boot: read config.json, restore the session, draw the header from the
// state, register the views and follow the URL.
import { loadConfig } from './config.js';
import * as auth from './auth.js';
import * as store from './store.js';
import * as router from './router.js';
import { h, render, flash, ageFlash } from './ui.js';
import { load as loadCart } from './cart.js';
import * as catalog from './views/catalog.js';
import * as product from './views/product.js';
import * as cartView from './views/cart.js';
import * as checkout from './views/checkout.js';
import * as orders from './views/orders.js';
import * as profile from './views/profile.js';
import * as account from './views/account.js';
import * as admin from './views/admin.js';
import * as live from './live.js';

function drawHeader(state) {
  const signedIn = Boolean(state.session);
  const admin = store.isAdmin();
  for (const item of document.querySelectorAll('[data-when]')) {
    const when = item.dataset.when;
    item.hidden = !((when === 'signed-in' && signedIn) || (when === 'signed-out' && !signedIn) || (when === 'admin' && admin));
  }
  document.getElementById('nav-cart').textContent = state.cartCount ? `Cart (${state.cartCount})` : 'Cart';
  document.getElementById('who').textContent = signedIn ? `Signed in as ${state.session.username}.` : '';
}

async function boot() {
  try {
    await loadConfig();
  } catch (failure) {
    render(h('h1', {}, 'The shop is not configured'), h('p', { role: 'alert' }, String(failure.message)));
    return;
  }
  auth.restore();
  store.subscribe(drawHeader);
  live.subscribe(admin.liveAlert);
  live.start();
  document.getElementById('sign-out').addEventListener('click', () => {
    auth.signOut();
    flash('You are signed out.');
    router.go('#/');
  });
  router.route('/', catalog.show);
  router.route('/category/:category', catalog.show);
  router.route('/product/:id', product.show);
  router.route('/cart', cartView.show);
  router.route('/checkout', checkout.show);
  router.route('/orders', orders.list);
  router.route('/orders/:id', orders.detail);
  router.route('/profile', profile.show);
  router.route('/signin', account.signIn);
  router.route('/signup', account.signUp);
  admin.register(router.route);
  router.notFound(() => render(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the products'))));
  window.addEventListener('hashchange', () => { ageFlash(); window.scrollTo(0, 0); });
  loadCart({ background: true }).catch(() => {});
  await router.start();
}

boot();
