package org.nashir.account;

import io.nayuki.qrcodegen.QrCode;

/** A QR code drawn as SVG on the server: the two-step secret never leaves the site for a QR service. */
final class QrSvg {
    private QrSvg() {
    }

    /** {@code text} as an SVG QR code (medium error correction, the four-module quiet zone readers need). */
    static String of(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + 2 * border;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\"240\" height=\"240\" role=\"img\" aria-label=\""
            + label.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
