// The builder UI's API types come from the services' OpenAPI documents (docs/builder-ui.md, "API types"):
//   node openapi/openapi.mjs copy   — each service's target/openapi.json (written by its OpenApiContractTest) → openapi/<service>.json
//   node openapi/openapi.mjs types  — openapi/<service>.json → src/api/generated/<service>.ts (openapi-typescript)
//   node openapi/openapi.mjs check  — fails when src/api/generated/ is not what `types` would write (npm test runs it)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

/** The services whose HTTP API the builder UI calls. */
const SERVICES = ['command-api', 'query-api'];
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

function copy(service) {
  const served = here(`../../${service}/target/openapi.json`);
  if (!existsSync(served)) {
    throw new Error(`${served} is missing: run ${service}'s OpenApiContractTest first (docs/builder-ui.md)`);
  }
  const document = JSON.parse(readFileSync(served, 'utf8'));
  // The server URL is the test's random port: not part of the API.
  delete document.servers;
  writeFileSync(here(`${service}.json`), `${JSON.stringify(document, null, 2)}\n`);
}

async function types(service) {
  const ast = await openapiTS(new URL(`${service}.json`, import.meta.url));
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

const generated = (service) => here(`../src/api/generated/${service}.ts`);
const mode = process.argv[2];
if (mode === 'copy') {
  SERVICES.forEach(copy);
} else if (mode === 'types') {
  for (const service of SERVICES) writeFileSync(generated(service), await types(service));
} else if (mode === 'check') {
  const stale = [];
  for (const service of SERVICES) {
    if (!existsSync(generated(service)) || readFileSync(generated(service), 'utf8') !== await types(service)) stale.push(service);
  }
  if (stale.length > 0) {
    console.error(`src/api/generated is not what openapi/${stale.join('.json, openapi/')}.json give: run \`npm run openapi:types\` in builder-ui and commit the result.`);
    process.exit(1);
  }
} else {
  console.error('usage: node openapi/openapi.mjs copy|types|check');
  process.exit(2);
}
