import { describe, expect, it } from "vitest";
import { firstLine, htmlToText } from "../../../src/importers/common/html-text.js";

describe("htmlToText", () => {
  it("turns paragraphs, lists, links, bold and entities into Markdown-style text", () => {
    const html =
      "<p>Set a password:</p><ul><li>Length: [8,64].</li> <li>May contain &lt;&gt;&amp;.</li></ul>" +
      '<p>See the <a href="https://example.com/x">console</a>, <b>not</b> <strong>the API</strong>.<br/>Done.</p>';
    expect(htmlToText(html)).toBe(
      "Set a password:\n\n- Length: [8,64].\n- May contain <>&.\n\nSee the [console](https://example.com/x), **not** **the API**.\nDone.",
    );
  });

  it("leaves plain text alone apart from trailing spaces and blank-line runs", () => {
    expect(htmlToText("Status:  \n- `a`: one\n\n\n\n- `b`: two  ")).toBe("Status:\n- `a`: one\n\n- `b`: two");
  });

  it("firstLine skips leading blank lines", () => {
    expect(firstLine("\n\n  Queries a task \nmore")).toBe("Queries a task");
  });
});
