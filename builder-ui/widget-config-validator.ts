import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The one widget schema, read where the schemas module keeps it: command-api and the agent load the same file. */
const SCHEMA_FILE = fileURLToPath(new URL('../schemas/src/main/resources/io/flexboard/schemas/widget-config.schema.json', import.meta.url));
const MODULE_ID = 'virtual:widget-config-validator';
const RESOLVED_ID = `\0${MODULE_ID}`;
const require = createRequire(import.meta.url);

/**
 * `import validate from 'virtual:widget-config-validator'`: widget-config.schema.json compiled by Ajv
 * (JSON Schema 2020-12) into plain code at build time. Ajv compiles a schema with `new Function`, which
 * the router's Content-Security-Policy (`script-src 'self'`, no `unsafe-eval`) refuses in the browser;
 * its standalone code needs no eval. Vitest runs the same plugin, so the tests check the shipped code.
 */
export function widgetConfigValidator(): Plugin {
  return {
    name: 'flexboard-widget-config-validator',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) {
        return undefined;
      }
      this.addWatchFile(SCHEMA_FILE);
      return compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    },
  };
}

function compile(schema: object): string {
  // allErrors: one finding per offending field, as the server lists them; union types are the schema's own (filter default).
  const ajv = new Ajv2020.default({ allErrors: true, allowUnionTypes: true, code: { source: true, esm: true } });
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  // Standalone ESM code still requires Ajv's runtime helpers (ucs2length counts code points, as the server does):
  // their plain functions are put in place so the module has no CommonJS import.
  const inlined = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default/g, (_, helper: string) => {
    const fn = require(helper).default as (...args: unknown[]) => unknown;
    return `(${fn.toString()})`;
  });
  if (inlined.includes('require(')) {
    throw new Error('the widget config validator needs an Ajv runtime helper that is not a plain function');
  }
  return inlined;
}
