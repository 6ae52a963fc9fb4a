// Profile: display name and saved addresses (the email is the account's, read-only).
import * as api from '../api.js';
import * as store from '../store.js';
import { h, render, loading, field, alertBox, showProblem, busy, flash, formValues } from '../ui.js';
import { addressFields, addressFrom } from './checkout.js';
import { go } from '../router.js';

export async function show() {
  if (!store.signedIn()) return go(`#/signin?next=${encodeURIComponent('#/profile')}`);
  render(h('h1', {}, 'Your profile'), loading());
  try {
    draw(await api.get('/profile', { fresh: true }));
  } catch (error) {
    const box = h('section', {}, alertBox());
    render(h('h1', {}, 'Your profile'), box);
    showProblem(box, error);
  }
}

function draw(profile) {
  const addresses = [...(profile.addresses ?? [])];
  const form = h('form', { class: 'profile', novalidate: true },
    h('p', {}, 'Email: ', h('strong', {}, profile.email ?? '')),
    field('Display name', 'displayName', { value: profile.displayName ?? '', required: true, maxlength: 100, autocomplete: 'nickname' }, 'profile'),
    alertBox(),
    h('button', { type: 'submit' }, 'Save name'));
  const save = async (changes, scope) => busy(scope, async () => {
    try {
      const saved = await api.put('/profile', {
        email: profile.email,
        displayName: changes.displayName ?? profile.displayName ?? profile.email,
        addresses: changes.addresses ?? addresses,
      }, { headers: profile.version ? { 'If-Match': `"${profile.version}"` } : {} });
      flash('Profile saved.', 'success');
      draw(saved);
    } catch (error) {
      showProblem(scope, error);
    }
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    save({ displayName: formValues(form).displayName.trim() }, form);
  });

  const list = h('ul', { class: 'addresses' }, addresses.map((address, i) => {
    const remove = h('button', { type: 'button', class: 'link', 'aria-label': `Remove address ${address.line1}` }, 'Remove');
    remove.addEventListener('click', () => save({ addresses: addresses.filter((_, j) => j !== i) }, addressForm));
    return h('li', {}, `${address.name}, ${address.line1}${address.line2 ? ', ' + address.line2 : ''}, ${address.postalCode} ${address.city}, ${address.country} `, remove);
  }));
  const addressForm = h('form', { class: 'address', novalidate: true },
    h('fieldset', {}, h('legend', {}, 'Add an address'), addressFields({}, 'new-address')),
    alertBox(),
    h('button', { type: 'submit' }, 'Add address'));
  addressForm.addEventListener('submit', event => {
    event.preventDefault();
    save({ addresses: [...addresses, addressFrom(formValues(addressForm))] }, addressForm);
  });
  render(h('h1', {}, 'Your profile'), form, h('h2', {}, 'Saved addresses'),
    addresses.length ? list : h('p', { class: 'empty' }, 'No saved addresses yet.'), addressForm);
}
