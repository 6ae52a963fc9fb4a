// The storefront's settings: config.json beside index.html, with the field
// names of .local/stack.json (the local stack generates it; on AWS the CDK
// stack writes it from its outputs), so the same files run in both places.
let loaded;

export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  loaded = await response.json();
  for (const name of ['apiUrl', 'cognitoEndpoint', 'clientId']) {
    if (!loaded[name]) throw new Error(`config.json has no ${name}`);
  }
  loaded.apiUrl = loaded.apiUrl.replace(/\/$/, '');
  return loaded;
}

export function config() {
  return loaded;
}
