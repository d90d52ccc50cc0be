import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field } from "./field";

const render = (error?: string | string[], hint?: string) =>
  renderToStaticMarkup(
    <Field id="username" label="Tên đăng nhập" hint={hint} error={error}>
      {(control) => <input {...control} name="username" />}
    </Field>,
  );

describe("Field", () => {
  it("labels its control", () => {
    const html = render();
    expect(html).toContain('<label for="username"');
    expect(html).toContain('id="username"');
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("aria-describedby");
  });

  it("ties the hint and the error to the control, and marks it invalid", () => {
    const html = render(["Tên đăng nhập cần ít nhất 3 ký tự.", "Chỉ dùng chữ không dấu."], "ví dụ laocai.a");
    expect(html).toContain('aria-describedby="username-hint username-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(
      /<p id="username-error"[^>]*>Tên đăng nhập cần ít nhất 3 ký tự\. Chỉ dùng chữ không dấu\.<\/p>/,
    );
    expect(html).toMatch(/<p id="username-hint"[^>]*>ví dụ laocai\.a<\/p>/);
  });

  it("takes one message as a string", () => {
    expect(render("Bắt buộc.")).toContain('aria-describedby="username-error"');
  });
});
