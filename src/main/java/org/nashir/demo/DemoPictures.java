package org.nashir.demo;

import org.nashir.Nashir;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The demo's pictures, drawn here (simple scenes of the fictional city) so the demo ships no photograph it does not
 * own. They go through the media library like any upload, so the demo shows renditions, captions and credits.
 */
final class DemoPictures {
    record Picture(long id, String src, int width, int height, String alt, String caption, String credit) {
        /** The picture as an editor places it in a text. */
        String figure() {
            return "<figure><img src=\"" + src + "\" alt=\"" + alt + "\" width=\"" + width + "\" height=\"" + height + "\"><figcaption>"
                + caption + " <cite>" + credit + "</cite></figcaption></figure>";
        }
    }

    private static final String CREDIT = "رسم: ناشر التجريبي";

    private DemoPictures() {}

    /** Draws and stores the demo pictures; keyed by the name articles.json uses in {@code {picture:name}}. */
    static Map<String, Picture> add(Nashir nashir) {
        Map<String, Picture> out = new LinkedHashMap<>();
        put(nashir, out, "bridge", bridge(), "الجسر الجديد فوق النهر عند الغروب", "الجسر الجديد عند الغروب في يوم افتتاحه");
        put(nashir, out, "stadium", crowd(new Color(0x2e7d32), 11), "مدرجات الملعب ممتلئة بالمشجعين", "المدرجات قبل ركلات الترجيح");
        put(nashir, out, "players", crowd(new Color(0x388e3c), 12), "اللاعبون يتعانقون في وسط الملعب", "اللاعبون بعد الركلة الأخيرة");
        put(nashir, out, "fans", crowd(new Color(0x6d4c41), 13), "المشجعون في الساحة الكبرى بالأعلام", "الاحتفال في الساحة الكبرى حتى منتصف الليل");
        return out;
    }

    private static void put(Nashir nashir, Map<String, Picture> out, String name, BufferedImage image, String alt, String caption) {
        try {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", jpeg);
            long id = nashir.media.add(name + ".jpg", jpeg.toByteArray(), 20L * 1024 * 1024, alt, caption, CREDIT, null, null);
            var m = nashir.media.findAny(id).orElseThrow();
            int width = Math.min(m.width(), 1024);
            out.put(name, new Picture(id, m.srcNear(1024), width, m.heightAt(width), alt, caption, CREDIT));
        } catch (Exception e) { // the library's refusal (a checked exception of its own) or a failed encoding
            throw new IllegalStateException("the demo picture " + name + " was refused", e);
        }
    }

    private static Graphics2D canvas(BufferedImage image, Color top, Color bottom) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, top, 0, image.getHeight(), bottom));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** A sunset over a river, an arched bridge across it. */
    private static BufferedImage bridge() {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, new Color(0x283593), new Color(0xff8a65));
        g.setColor(new Color(0xffcc80));
        g.fillOval(1040, 420, 220, 220);
        g.setColor(new Color(0x1a237e));
        g.fillRect(0, 640, 1600, 360);
        g.setColor(new Color(0x37474f));
        g.fillRect(0, 600, 1600, 40);
        g.setStroke(new BasicStroke(14));
        for (int x = 0; x < 1600; x += 400) g.draw(new Arc2D.Double(x, 460, 400, 300, 0, 180, Arc2D.OPEN));
        g.setStroke(new BasicStroke(4));
        for (int x = 20; x < 1600; x += 40) g.drawLine(x, 610, x, 530 + (int) (70 * Math.abs(Math.cos((x % 400) / 400.0 * Math.PI))));
        g.dispose();
        return image;
    }

    /** A pitch or a square under a crowd: rows of people in their team's colours. */
    private static BufferedImage crowd(Color ground, long seed) {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, new Color(0x90caf9), new Color(0xe3f2fd));
        Random random = new Random(seed);
        Color[] shirts = {new Color(0xc62828), Color.WHITE, new Color(0x2e7d32), new Color(0x212121), new Color(0xfdd835)};
        g.setColor(new Color(0x455a64));
        g.fillRect(0, 180, 1600, 420);
        for (int row = 0; row < 14; row++) {
            for (int x = (row % 2) * 14; x < 1600; x += 28) {
                g.setColor(shirts[random.nextInt(shirts.length)]);
                g.fillOval(x, 190 + row * 29, 20, 20);
            }
        }
        g.setColor(ground);
        g.fillRect(0, 600, 1600, 400);
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new BasicStroke(6));
        g.drawOval(600, 700, 400, 200);
        g.drawLine(800, 600, 800, 1000);
        g.dispose();
        return image;
    }
}
