// Parse Mermaid text from stdin with mermaid's own parser (a DOM from jsdom).
// Used by tests/test_export.py when node and the mermaid and jsdom packages can
// be found, e.g.:  npm install --prefix /tmp/mmd mermaid@11 jsdom
//                  NODE_PATH=/tmp/mmd/node_modules pytest tests/test_export.py
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// CommonJS resolution honours NODE_PATH; ESM imports do not.
const require = createRequire(import.meta.url);
const load = (name) => import(pathToFileURL(require.resolve(name)).href);

const { JSDOM } = await load("jsdom");
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await load("mermaid");
mermaid.initialize({ startOnLoad: false });
try {
  const result = await mermaid.parse(readFileSync(0, "utf8"));
  console.log("ok", JSON.stringify(result));
} catch (error) {
  console.log("error", error?.message ?? String(error));
  process.exit(1);
}
