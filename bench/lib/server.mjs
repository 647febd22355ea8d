// Loopback fake of redis.tencentcloudapi.com for DescribeTaskInfo: real response shape, a fresh
// RequestId per call, TC3 verification of every request, keep-alive connections.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { redisReferenceDir } from "./paths.mjs";
import { createVerifier } from "./verify.mjs";

const VERSION = "2018-04-12";

/** The documented DescribeTaskInfo sample output, read from the shared reference at start-up. */
function sampleTaskInfo() {
  const file = join(redisReferenceDir, "examples.json");
  let examples;
  try {
    examples = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`fake endpoint: cannot read ${file}: ${err.message}`);
  }
  const sample = examples.actions?.DescribeTaskInfo?.[0];
  if (sample === undefined) throw new Error(`fake endpoint: ${file}: actions.DescribeTaskInfo[0] is missing`);
  const { Response } = JSON.parse(sample.output);
  delete Response.RequestId;
  return Response;
}

function errorBody(code, message, requestId) {
  return JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
}

/**
 * Starts the fake endpoint on 127.0.0.1 at a free port.
 * `credentials`: `{ [secretId]: secretKey }` accepted by the verifier.
 * Resolves to `{ port, stats(), resetStats(), close() }`; `stats()` counts requests, successes,
 * each failure code, requests per X-TC-RequestClient, and per client which host form its signatures
 * covered.
 */
export async function startFakeEndpoint({ credentials, verify = true }) {
  const task = sampleTaskInfo();
  const okPrefix = JSON.stringify({ Response: task }).slice(0, -2) + ',"RequestId":"';
  const okSuffix = '"}}';
  const verifier = createVerifier({ service: "redis", lookupKey: (id) => credentials[id] });
  let stats;
  const resetStats = () => {
    stats = { requests: 0, ok: 0, failures: {}, hostForms: {}, clients: {} };
  };
  resetStats();

  const server = createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      const requestId = randomUUID();
      const out = answer(req, body, requestId);
      stats.requests++;
      const client = String(req.headers["x-tc-requestclient"] ?? "-");
      stats.clients[client] = (stats.clients[client] ?? 0) + 1;
      res.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(out),
        "X-TC-RequestId": requestId,
      });
      res.end(out);
    });
  });

  function answer(req, body, requestId) {
    const failure = (code, message) => {
      stats.failures[code] = (stats.failures[code] ?? 0) + 1;
      return errorBody(code, message, requestId);
    };
    if (req.method !== "POST") return failure("UnsupportedOperation", "Only POST is served by this fake.");
    if (verify) {
      const v = verifier(req, body);
      if (!v.ok) return failure(v.code, v.message);
      const forms = (stats.hostForms[String(req.headers["x-tc-requestclient"] ?? "-")] ??= {});
      forms[v.hostForm] = (forms[v.hostForm] ?? 0) + 1;
    }
    const action = req.headers["x-tc-action"];
    if (action !== "DescribeTaskInfo") return failure("InvalidAction", `Action ${action} does not exist.`);
    if (req.headers["x-tc-version"] !== VERSION) return failure("NoSuchVersion", "The API version does not exist.");
    let params;
    try {
      params = JSON.parse(body.toString("utf8"));
    } catch {
      return failure("InvalidParameter", "The request body is not valid JSON.");
    }
    if (params === null || typeof params !== "object" || params.TaskId === undefined) {
      return failure("MissingParameter", "The request is missing a required parameter `TaskId`.");
    }
    if (!Number.isInteger(params.TaskId) || params.TaskId < 0) {
      return failure("InvalidParameter", "The parameter `TaskId` must be a non-negative integer.");
    }
    stats.ok++;
    return okPrefix + requestId + okSuffix;
  }

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    port: server.address().port,
    stats: () => structuredClone(stats),
    resetStats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
