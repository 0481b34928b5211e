// What every spec here needs and would otherwise write again: its settings from the environment, JSON calls to an
// API with a bearer token, and Debian's Chromium launched with the flags this machine's closed network needs.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

/** A required environment variable; a spec started without it fails at once, naming it. */
export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/**
 * `http(method, path, token, body)` against `baseUrl`: JSON in and out, a non-2xx answer fails the spec with the
 * problem the API gave. `token` null sends no authorization.
 */
export const api = (baseUrl) => async (method, path, token, body) => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
};

/**
 * Headless Debian Chromium (CHROMIUM, default /usr/bin/chromium). Without the background-networking flags Chromium
 * keeps trying hosts this machine cannot reach.
 */
export const launchChromium = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
