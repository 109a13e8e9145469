// Builds the app's ECharts bundle (web/echarts-entry.js) with esbuild into
// target/nianbao-echarts/, under a name carrying the ECharts version and a hash of the
// bundle, and writes echarts-url.js, which index.html inlines so that the app knows the name.
// Trunk runs this before each build (Trunk.toml pre_build hook); the output is never committed.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "target", "nianbao-echarts");
const version = JSON.parse(
  readFileSync(join(root, "node_modules", "echarts", "package.json"), "utf8"),
).version;

const result = await build({
  entryPoints: [join(root, "web", "echarts-entry.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  write: false,
  legalComments: "none",
  logLevel: "warning",
});
const code = result.outputFiles[0].contents;
const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
const name = `echarts-${version}.${hash}.js`;

// Only the current bundle is copied into the site.
rmSync(join(out, "echarts"), { recursive: true, force: true });
mkdirSync(join(out, "echarts"), { recursive: true });
writeFileSync(join(out, "echarts", name), code);
writeFileSync(
  join(out, "echarts-url.js"),
  `window.NIANBAO_ECHARTS = "echarts/${name}";\n`,
);
console.log(`echarts-bundle: echarts/${name} (${code.length} bytes)`);
