package org.nashir.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.nio.charset.StandardCharsets;

/** The precompiled jte templates (built by jte-maven-plugin into the jar), HTML-escaping by default. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders and sends a page that is not cached (back office, search, forms) with its status. */
    public void send(io.javalin.http.Context ctx, int status, String template, Object page) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(render(template, page));
    }

    public byte[] render(String template, Object page) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, page, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
