// What an app that never streams carries: a one-file bundle (esbuild --bundle, the way the bench builds
// the one-call app) inlines every module its import graph reaches, `import()` included. The stream code and
// eventsource-parser must not be reachable from a plain call, only from a streaming one.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

const CLIENT = `
const meta = { service: "demo", version: "2020-01-01", endpoint: "demo.tencentcloudapi.com",
  intlEndpoint: "demo.intl.tencentcloudapi.com", shapes: { Req: { Prompt: "s", Stream: "b" } } };
const action = { name: "Describe", rateLimit: 20, readOnly: true, input: "Req" };
const client = new ServiceClient(meta, { region: "ap-guangzhou" });`;

/** Source files (relative to `src/`, or the package path) that put bytes into the bundle of `app`. */
async function bundled(app: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: app, resolveDir: SRC, sourcefile: "app.js", loader: "js" },
    absWorkingDir: SRC,
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: "app.js",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const inputs = result.metafile.outputs["app.js"]?.inputs ?? {};
  return Object.entries(inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
}

const streamCode = (files: string[]) =>
  files.filter((f) => f.startsWith("stream/") || f.includes("eventsource-parser"));

describe("the bundle of an app", () => {
  it("that only makes plain calls holds no stream code and no eventsource-parser", async () => {
    const files = await bundled(`import { CommonClient, ServiceClient } from "./index.js";${CLIENT}
client.invoke(action, { Prompt: "hi" }).then(console.log);
new CommonClient({ service: "cvm", version: "2017-03-12" }).call("DescribeInstances").then(console.log);`);
    // The plain call path itself is there: the check below is about what it leaves out.
    expect(files).toEqual(
      expect.arrayContaining(["client/service-client.ts", "client/common-client.ts", "transport/node-http.ts"]),
    );
    expect(streamCode(files)).toEqual([]);
  });

  it("that streams holds the opener, the reader, the stream transport and eventsource-parser", async () => {
    const files = await bundled(`import { invokeOrStream, ServiceClient } from "./index.js";${CLIENT}
const events = invokeOrStream(client, action, "Stream", { Prompt: "hi", Stream: true });
for await (const event of events) console.log(event);`);
    const stream = streamCode(files);
    expect(stream).toEqual(
      expect.arrayContaining([
        "stream/invoke-stream.ts",
        "stream/open.ts",
        "stream/http.ts",
        "stream/read-stream.ts",
        "stream/events.ts",
        "stream/errors.ts",
      ]),
    );
    expect(stream.some((f) => f.includes("eventsource-parser"))).toBe(true);
  });
});
