// The no-SDK floor: node:http keep-alive, TC3 signing with a cached derived key, JSON.parse.
// What a hand-written client that does nothing extra costs per call.
import { Agent, request } from "node:http";
import { createSigner } from "../lib/tc3.mjs";

const CONTENT_TYPE = "application/json";

export async function create({ port, secretId, secretKey, region }) {
  const agent = new Agent({ keepAlive: true });
  const host = `127.0.0.1:${port}`;
  const sign = createSigner({ secretId, secretKey, service: "redis" });

  function call(params) {
    const body = Buffer.from(JSON.stringify(params));
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      "Content-Type": CONTENT_TYPE,
      "Content-Length": body.length,
      Host: host,
      "X-TC-Action": "DescribeTaskInfo",
      "X-TC-Version": "2018-04-12",
      "X-TC-Region": region,
      "X-TC-Timestamp": String(timestamp),
      "X-TC-RequestClient": "bench-floor",
      Authorization: sign({ host, contentType: CONTENT_TYPE, body, timestamp }),
    };
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, method: "POST", path: "/", agent, headers }, (res) => {
        res.setEncoding("utf8");
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          try {
            const { Response } = JSON.parse(text);
            if (Response.Error) reject(new Error(`${Response.Error.Code}: ${Response.Error.Message}`));
            else resolve(Response);
          } catch (err) {
            reject(err);
          }
        });
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  return {
    name: "floor",
    call: (taskId) => call({ TaskId: taskId }),
    close: () => agent.destroy(),
  };
}
