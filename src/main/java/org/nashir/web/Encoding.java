package org.nashir.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The content codings a cached page is kept in, and which one a request gets. Pages are compressed once, when they
 * are rendered, at a high level (the cost is paid once per render, not once per reader); brotli where its native
 * library loads on this machine, gzip everywhere.
 */
public enum Encoding {
    IDENTITY(null, ""), GZIP("gzip", "-gz"), BROTLI("br", "-br");

    /** The {@code Content-Encoding} token, null for none. */
    public final String token;
    /** What the entity tag of this form adds to the page's tag: each form is its own representation. */
    final String tagSuffix;

    Encoding(String token, String tagSuffix) {
        this.token = token;
        this.tagSuffix = tagSuffix;
    }

    /** Whether brotli can be made here (brotli4j ships natives for the usual servers; elsewhere gzip serves alone). */
    public static final boolean BROTLI_AVAILABLE = loadBrotli();

    private static boolean loadBrotli() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) {
            LoggerFactory.getLogger(Encoding.class).warn("brotli is not available on this machine ({}); pages are served with gzip", e.toString());
            return false;
        }
    }

    /**
     * Adds a header made once (its bytes encoded ahead: Jetty copies them instead of checking and encoding each
     * character, which with the security headers and a cached page's own was a tenth of a cached read's cost). Falls
     * back to the servlet API when the response is not Jetty's own.
     */
    public static void addHeader(io.javalin.http.Context ctx, org.eclipse.jetty.http.HttpField field) {
        if (ctx.res() instanceof org.eclipse.jetty.ee10.servlet.ServletApiResponse jetty) jetty.getResponse().getHeaders().add(field);
        else ctx.header(field.getName(), field.getValue());
    }

    static final org.eclipse.jetty.http.HttpField[] CONTENT_ENCODING = {null,
        new org.eclipse.jetty.http.PreEncodedHttpField(org.eclipse.jetty.http.HttpHeader.CONTENT_ENCODING, "gzip"),
        new org.eclipse.jetty.http.PreEncodedHttpField(org.eclipse.jetty.http.HttpHeader.CONTENT_ENCODING, "br")};

    /**
     * The form to send for this {@code Accept-Encoding}: brotli when accepted (and not less wanted than gzip), else
     * gzip, else the plain bytes. {@code q=0} refuses a coding; {@code *} stands for the ones not named.
     */
    public static Encoding pick(String acceptEncoding, boolean brotliKept) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) return IDENTITY;
        // Browsers send a handful of distinct headers; parsing each again was a few per cent of a cached read.
        Encoding[] known = PICKED.get(acceptEncoding);
        if (known == null) {
            known = new Encoding[] {parse(acceptEncoding, false), parse(acceptEncoding, true)};
            if (PICKED.size() < 256) PICKED.put(acceptEncoding, known);
        }
        return known[brotliKept ? 1 : 0];
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Encoding[]> PICKED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Encoding parse(String acceptEncoding, boolean brotliKept) {
        double br = -1, gzip = -1, any = -1;
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            double q = 1;
            for (int i = 1; i < fields.length; i++) {
                String param = fields[i].strip().toLowerCase(Locale.ROOT);
                if (!param.startsWith("q=")) continue;
                try {
                    q = Double.parseDouble(param.substring(2));
                } catch (NumberFormatException e) {
                    q = 0;
                }
            }
            switch (fields[0].strip().toLowerCase(Locale.ROOT)) {
                case "br" -> br = q;
                case "gzip", "x-gzip" -> gzip = q;
                case "*" -> any = q;
                default -> { }
            }
        }
        if (br < 0) br = any;
        if (gzip < 0) gzip = any;
        if (brotliKept && br > 0 && br >= gzip) return BROTLI;
        if (gzip > 0) return GZIP;
        return IDENTITY;
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) { { def.setLevel(Deflater.BEST_COMPRESSION); } }) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    /** The bytes a gzip form was made from (for the rare client that accepts no coding). */
    static byte[] gunzip(byte[] gzipped) {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("a gzip form made here does not inflate", e);
        }
    }

    /**
     * Brotli at quality 8 with a 64 KB window. With brotli's default 4 MB window, quality 8 picks a hasher whose
     * tables take 16 MB, touched for every page: 43 ms and 20 MB of resident memory per 42 KB home page, and a spike's
     * few concurrent renders raised the server's peak resident memory over its 256 MiB budget (bench/spike.sh). With
     * the window a page needs (a page's repeats are near each other), brotli uses a smaller chained hasher: the same
     * page in 2.3 ms, 7 MB, and 15 bytes smaller (8,496 against 8,511; the 66 KB article page 8,497 against 8,502).
     * Quality 9 at this window: 0.2 % smaller in twice the time. Null when unavailable.
     */
    static byte[] brotli(byte[] plain) {
        if (!BROTLI_AVAILABLE) return null;
        try {
            return Encoder.compress(plain, new Encoder.Parameters().setQuality(8).setWindow(16));
        } catch (IOException e) {
            throw new UncheckedIOException("brotli into memory failed", e);
        }
    }
}
