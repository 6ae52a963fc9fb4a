// Sign in and sign up; after sign-in the guest cart merges and the user goes back where they were.
import * as auth from '../auth.js';
import { mergeGuestCart } from '../cart.js';
import { h, render, field, alertBox, showProblem, busy, flash, formValues } from '../ui.js';
import { go } from '../router.js';

function safeNext(next) {
  return next && next.startsWith('#/') && !next.startsWith('#/signin') && !next.startsWith('#/signup') ? next : '#/';
}

async function afterSignIn(next) {
  let problems = [];
  try {
    problems = await mergeGuestCart();
  } catch (error) {
    problems = [`Your guest cart could not be merged: ${error.title}`];
  }
  flash(problems.length ? problems.join(' ') : 'You are signed in.', problems.length ? 'warning' : 'success');
  // Someone who moved on while the cart merged stays where they went.
  if (/^#\/sign(in|up)/.test(location.hash)) go(safeNext(next));
}

export function signIn(_, { next } = {}) {
  const form = h('form', { class: 'account', novalidate: true },
    field('Email', 'email', { type: 'email', autocomplete: 'username', required: true }, 'signin'),
    field('Password', 'password', { type: 'password', autocomplete: 'current-password', required: true }, 'signin'),
    alertBox(),
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await busy(form, async () => {
      const { email, password } = formValues(form);
      try {
        await auth.signIn(email.trim(), password);
      } catch (error) {
        showProblem(form, error);
        return;
      }
      await afterSignIn(next);
    });
  });
  render(h('h1', {}, 'Sign in'), form,
    h('p', {}, 'New here? ', h('a', { href: `#/signup${next ? `?next=${encodeURIComponent(next)}` : ''}` }, 'Create an account')));
}

export function signUp(_, { next } = {}) {
  const form = h('form', { class: 'account', novalidate: true },
    field('Email', 'email', { type: 'email', autocomplete: 'email', required: true }, 'signup'),
    field('Password', 'password', { type: 'password', autocomplete: 'new-password', required: true, minlength: 8 }, 'signup'),
    h('p', { class: 'hint' }, 'At least 8 characters with upper and lower case letters, a digit and a symbol.'),
    alertBox(),
    h('button', { type: 'submit' }, 'Create account'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    await busy(form, async () => {
      const { email, password } = formValues(form);
      try {
        await auth.signUp(email.trim(), password);
        await auth.signIn(email.trim(), password);
      } catch (error) {
        showProblem(form, error);
        return;
      }
      await afterSignIn(next);
    });
  });
  render(h('h1', {}, 'Create an account'), form,
    h('p', {}, 'Have an account? ', h('a', { href: `#/signin${next ? `?next=${encodeURIComponent(next)}` : ''}` }, 'Sign in')));
}
