package org.nashir.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Images made in the test, byte by byte where it matters (EXIF as phones write it). */
public final class Images {
    private Images() {}

    /** A 400×200 JPEG: red left half, blue right half. */
    public static byte[] jpeg(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    public static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF block saying "rotate 90° clockwise" and a GPS latitude, as phones write them. */
    public static byte[] withExif(byte[] jpeg) {
        ByteBuffer tiff = ByteBuffer.allocate(64);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);                                                   // IFD0: two entries
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0); // Orientation = 6
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);    // GPS IFD at offset 38
        tiff.putInt(0);                                                             // no next IFD
        tiff.putShort((short) 1);                                                   // GPS IFD: one entry
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0); // GPSLatitudeRef = N
        tiff.putInt(0);
        byte[] tiffBytes = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exif = new byte[6 + tiffBytes.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiffBytes, 0, exif, 6, tiffBytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int len = exif.length + 2;
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(exif);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

}
