package org.nashir.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns uploaded bytes into safe renditions. The type comes from the file's first bytes, never its name or the
 * browser's claim. Every rendition is decoded and encoded anew, so EXIF, GPS and any other metadata (and
 * anything hidden after the image data) are gone; the EXIF orientation is applied first so the picture stands
 * the right way up. Photos become JPEG; PNG and GIF (graphics, maybe transparent) stay PNG.
 */
final class ImageFile {
    // 768 is what a common phone (412 px at 1.75 device pixels per px) asks for; without it, it downloads the 1024.
    static final int[] WIDTHS = {320, 640, 768, 1024, 1600};
    static final long MAX_PIXELS = 50_000_000L;

    /** A reason to refuse an upload, as a message key for the uploader. */
    static final class Refused extends Exception {
        final String key;

        Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    record Processed(String mime, int width, int height, Map<Integer, byte[]> renditions) {}

    private ImageFile() {}

    /** The image type the bytes actually are, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "image/jpeg";
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) return "image/png";
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a') return "image/gif";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "image/webp";
        return null;
    }

    static Processed process(byte[] bytes, long maxBytes) throws Refused {
        return process(bytes, maxBytes, false);
    }

    /** With {@code photo}, graphics become JPEG too: a video's poster is a frame, and its files are always {@code .jpg}. */
    static Processed process(byte[] bytes, long maxBytes, boolean photo) throws Refused {
        if (bytes.length == 0) throw new Refused("media.error.empty");
        if (bytes.length > maxBytes) throw new Refused("media.error.size");
        String type = sniff(bytes);
        if (type == null) throw new Refused("media.error.type");
        BufferedImage image = decode(bytes);
        if (type.equals("image/jpeg") || type.equals("image/webp")) image = orient(image, orientation(bytes));
        boolean graphic = !photo && (type.equals("image/png") || type.equals("image/gif"));
        String mime = graphic ? "image/png" : "image/jpeg";
        if (!graphic) image = flatten(image);
        Map<Integer, byte[]> renditions = new LinkedHashMap<>();
        List<Integer> widths = new ArrayList<>();
        for (int w : WIDTHS) if (w < image.getWidth()) widths.add(w);
        widths.add(Math.min(image.getWidth(), 2400));
        try {
            for (int w : widths) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Thumbnails.of(image).width(w).outputFormat(graphic ? "png" : "jpg").outputQuality(0.82).toOutputStream(out);
                renditions.put(w, out.toByteArray());
            }
        } catch (IOException e) {
            throw new Refused("media.error.broken");
        }
        return new Processed(mime, image.getWidth(), image.getHeight(), renditions);
    }

    /** Decodes the first frame, refusing images whose declared size would exhaust memory (decompression bombs). */
    private static BufferedImage decode(byte[] bytes) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new Refused("media.error.type");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // Small files can declare huge pictures (decompression bombs): refused for their dimensions, which
                // is what is wrong with them. A GIF's frames sit on its logical screen, which it declares apart
                // from the first frame's size: both are checked.
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS || gifScreenPixels(bytes) > MAX_PIXELS) {
                    throw new Refused("media.error.dimensions");
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1) throw new Refused("media.error.broken");
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("media.error.broken");
        }
    }

    /** The pixels of a GIF's logical screen (bytes 6–9, little-endian width and height), or 0 for other files. */
    static long gifScreenPixels(byte[] b) {
        if (b.length < 10 || b[0] != 'G' || b[1] != 'I' || b[2] != 'F') return 0;
        long w = (b[6] & 0xff) | (b[7] & 0xff) << 8;
        long h = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        return w * h;
    }

    private static int orientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        } catch (Exception unreadableMetadata) {
            // No readable EXIF: the picture is shown as stored.
        }
        return 1;
    }

    /** Applies EXIF orientation 2–8 (mirrors and quarter turns). */
    static BufferedImage orient(BufferedImage img, int orientation) {
        if (orientation <= 1 || orientation > 8) return img;
        int w = img.getWidth(), h = img.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swap = orientation >= 5;
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.translate(h, w); t.rotate(Math.PI / 2); t.scale(-1, 1); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, new AffineTransformOp(t, AffineTransformOp.TYPE_BICUBIC), 0, 0);
        g.dispose();
        return out;
    }

    /** JPEG has no transparency: draw on white in RGB. */
    private static BufferedImage flatten(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) return img;
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }
}
