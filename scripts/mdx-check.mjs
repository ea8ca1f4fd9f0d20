// Compiles Markdown pages the way the docs site does: front matter removed,
// heading anchors {#id} escaped, then MDX 2 with remark-gfm. Exits 1 and names
// the file, line and column of every page that fails.
//
// Usage: node mdx-check.mjs FILE_OR_DIR...
// It imports @mdx-js/mdx and remark-gfm from the node_modules next to it (or
// from MDX_MODULES, a folder holding node_modules): run scripts/mdx-check.sh.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const base = process.env.MDX_MODULES || new URL(".", import.meta.url).pathname;
const load = (name, entry) => import(pathToFileURL(join(base, "node_modules", name, entry)).href);
const { compile } = await load("@mdx-js/mdx", "index.js");
const { default: remarkGfm } = await load("remark-gfm", "index.js");

function* pages(p) {
  if (statSync(p).isDirectory()) {
    for (const e of readdirSync(p).sort()) {
      if (!e.startsWith(".")) yield* pages(join(p, e));
    }
  } else if (p.endsWith(".md") || p.endsWith(".mdx")) {
    yield p;
  }
}

// siteSource turns a page into what the site hands to MDX.
export function siteSource(text) {
  let body = text;
  let offset = 0;
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (fm) {
    body = text.slice(fm[0].length);
    offset = fm[0].split("\n").length - 1;
  }
  body = body.replace(/^(#{1,6} .*?)\{#([^}\s]+)\}[ \t]*$/gm, "$1\\{#$2\\}");
  return { body: "\n".repeat(offset) + body };
}

let failed = 0, count = 0;
for (const arg of process.argv.slice(2)) {
  for (const file of pages(resolve(arg))) {
    count++;
    try {
      await compile(siteSource(readFileSync(file, "utf8")).body, { remarkPlugins: [remarkGfm] });
    } catch (err) {
      failed++;
      const line = err.line ?? err.place?.line ?? err.position?.start?.line ?? 0;
      const col = err.column ?? err.place?.column ?? err.position?.start?.column ?? 0;
      console.log(`${file}:${line}:${col}: mdx: ${err.reason || err.message}`);
    }
  }
}
console.log(`mdx: ${count - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : count ? 0 : 1);
