// Small DOM helpers shared by the views: building elements, money and stock wording,
// and showing an API problem next to the field or action that caused it.

/** h('button', {type: 'button', onclick: fn}, 'Text', child...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the main region's content and moves focus to its heading, as a page load would. */
export function render(...children) {
  const main = document.getElementById('main');
  main.replaceChildren();
  append(main, children);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

export function loading(what = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, what);
}

export function money(cents, currency = 'USD') {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

export const LOW_STOCK = 5;

export function stockLabel(available) {
  if (available <= 0) return 'sold out';
  if (available <= LOW_STOCK) return `only ${available} left`;
  return 'in stock';
}

/**
 * A product's picture: its imageUrl, or the placeholder of its category that
 * ships with the storefront (the demo catalog has no outside images), or the
 * generic one when neither loads.
 */
export function productImage(product, attributes = {}) {
  const image = h('img', { src: product.imageUrl || `images/${product.category}.svg`, ...attributes });
  image.addEventListener('error', () => { image.src = 'images/product.svg'; }, { once: true });
  return image;
}

/**
 * An order's short name for people: the id's last 8 characters. Order ids
 * start with their creation time, so two orders of the same moment share a
 * beginning but not an end.
 */
export function shortId(id) {
  return id.slice(-8);
}

export function date(iso) {
  return iso ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** A labelled input: <label for> + <input> + a slot for its error. */
export function field(label, name, attributes = {}, idPrefix = 'f') {
  const id = `${idPrefix}-${name}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const control = attributes.as === 'textarea'
    ? h('textarea', { id, name, ...without(attributes, 'as', 'value') }, attributes.value ?? '')
    : h('input', { id, name, type: 'text', ...without(attributes, 'as') });
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    control,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
}

function without(object, ...names) {
  const copy = { ...object };
  for (const name of names) delete copy[name];
  return copy;
}

/** The alert area of a form or section, where problems without a field go. */
export function alertBox() {
  return h('div', { class: 'alert', role: 'alert', hidden: true });
}

export function clearProblems(scope) {
  for (const slot of scope.querySelectorAll('.field-error')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of scope.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  }
  for (const box of scope.querySelectorAll('.alert')) {
    box.hidden = true;
    box.replaceChildren();
  }
}

/**
 * Shows an error from api.js inside `scope`: each errors[] entry next to the
 * control whose name its field ends with, the rest (title and detail) in the
 * scope's alert box.
 */
export function showProblem(scope, error, extra = []) {
  clearProblems(scope);
  const unplaced = [];
  for (const entry of error.errors ?? []) {
    const control = controlFor(scope, entry.field);
    if (control) {
      const slot = scope.querySelector(`#${CSS.escape(control.id)}-error`);
      slot.textContent = entry.message;
      slot.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', slot.id);
    } else {
      unplaced.push(`${entry.field}: ${entry.message}`);
    }
  }
  const box = scope.querySelector('.alert');
  if (!box) return;
  const placedAll = (error.errors ?? []).length > 0 && unplaced.length === 0;
  const parts = [
    h('p', { class: 'alert-title' }, error.title ?? 'Something went wrong'),
    !placedAll && error.detail ? h('p', {}, error.detail) : null,
    unplaced.length ? h('ul', {}, unplaced.map(text => h('li', {}, text))) : null,
    ...extra];
  box.replaceChildren(...parts.filter(Boolean));
  box.hidden = false;
}

function controlFor(scope, fieldPath = '') {
  const controls = [...scope.querySelectorAll('input[name], select[name], textarea[name]')];
  return controls.find(c => c.name === fieldPath)
    ?? controls.find(c => fieldPath.endsWith(`.${c.name}`) || fieldPath.endsWith(`]${c.name}`));
}

/** A short message in the page's live region, kept across one navigation. */
export function flash(text, kind = 'info') {
  const region = document.getElementById('flash');
  region.dataset.age = '0';
  region.replaceChildren(text ? h('p', { class: `flash ${kind}` }, text) : '');
}

/** Called on each navigation: a flash outlives the navigation that follows it, not the one after. */
export function ageFlash() {
  const region = document.getElementById('flash');
  const age = Number(region.dataset.age ?? 0) + 1;
  region.dataset.age = String(age);
  if (age > 1) region.replaceChildren();
}

/** Disables a form's submit buttons while `work` runs: one click, one request. */
export async function busy(form, work) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach(b => { b.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    buttons.forEach(b => { b.disabled = false; });
    form.removeAttribute('aria-busy');
  }
}

export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}
