import { HunyuanClient } from "@org/tc-hunyuan";

// With `Stream: true` (a literal), chatTranslations returns an async iterable of typed Server-Sent
// Events instead of one response: print each delta as it arrives. `break` or an aborted signal
// closes the connection; a broken stream or an error event rejects the loop with a StreamError.
const endpoint = process.env["TC_HUNYUAN_ENDPOINT"];
const hunyuan = new HunyuanClient({ region: "ap-guangzhou", ...(endpoint === undefined ? {} : { endpoint }) });
try {
  const events = hunyuan.chatTranslations({
    Model: "hunyuan-translation",
    Stream: true,
    Text: "腾讯混元翻译模型",
    Source: "zh",
    Target: "en",
  });
  let count = 0;
  for await (const event of events) {
    count += 1;
    const choice = event.Choices?.[0];
    const text = choice?.Delta?.Content ?? choice?.Message?.Content ?? "";
    console.log(
      `event ${count}: ${JSON.stringify(text)}${choice?.FinishReason ? ` (finish: ${choice.FinishReason})` : ""}`,
    );
  }
  console.log(`${count} events streamed`);
} finally {
  hunyuan.close();
}
