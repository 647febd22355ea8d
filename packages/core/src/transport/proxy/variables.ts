/**
 * The environment variable naming the proxy for `protocol`'s origins, lower case first as curl does
 * (`https_proxy`/`HTTPS_PROXY`, `http_proxy`/`HTTP_PROXY`), or `undefined` when none is set.
 */
export function proxyVariable(
  protocol: "https:" | "http:",
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const names = protocol === "https:" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"];
  return names.find((name) => (env[name] ?? "").trim() !== "");
}
