package vn.congvan.signing.images;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import vn.congvan.platform.PdfFonts;

/**
 * Stand-in images for a demo or for someone who uploaded none yet: a blue scribble drawn from the
 * person's name, and a round red seal bearing the unit's name. Both are transparent PNGs, drawn the
 * same way for the same name.
 */
public final class DemoImages {

    private static final Color SIGNATURE_BLUE = new Color(0x1a, 0x3c, 0xb4);
    private static final Color SEAL_RED = new Color(0xd0, 0x10, 0x10);
    private static final Font SERIF = loadSerif();

    private DemoImages() {}

    /** A handwritten-looking signature in blue: a flourish of the initials and an underline. */
    public static byte[] signature(String fullName) {
        BufferedImage image = new BufferedImage(360, 130, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        Random random = new Random(fullName.hashCode());
        g.setColor(SIGNATURE_BLUE);
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D stroke = new Path2D.Double();
        stroke.moveTo(30, 80 + random.nextInt(20));
        double x = 30;
        while (x < 300) {
            double step = 25 + random.nextInt(25);
            stroke.curveTo(
                    x + step / 3,
                    10 + random.nextInt(40),
                    x + 2 * step / 3,
                    95 + random.nextInt(25),
                    x + step,
                    50 + random.nextInt(30));
            x += step;
        }
        g.draw(stroke);
        g.draw(new java.awt.geom.QuadCurve2D.Double(40, 112, 180, 90 + random.nextInt(20), 330, 100));
        g.dispose();
        return png(image);
    }

    /** A round seal in red: two rings, the unit's name around, a star in the middle. */
    public static byte[] seal(String unitName) {
        int size = 400;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(SEAL_RED);
        g.setStroke(new BasicStroke(10));
        g.drawOval(10, 10, size - 20, size - 20);
        g.setStroke(new BasicStroke(4));
        g.drawOval(95, 95, size - 190, size - 190);
        star(g, size / 2.0, size / 2.0, 55);
        around(g, unitName.toUpperCase(Locale.forLanguageTag("vi")), size / 2.0, size / 2.0, 140);
        g.dispose();
        return png(image);
    }

    private static void star(Graphics2D g, double cx, double cy, double radius) {
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? radius : radius * 0.4;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double px = cx + r * Math.cos(angle);
            double py = cy + r * Math.sin(angle);
            if (i == 0) {
                star.moveTo(px, py);
            } else {
                star.lineTo(px, py);
            }
        }
        star.closePath();
        g.fill(star);
    }

    /** Writes the text clockwise around the centre, starting at the left, over the top. */
    private static void around(Graphics2D g, String text, double cx, double cy, double radius) {
        float fontSize = Math.max(14f, Math.min(30f, (float) (2.6 * Math.PI * radius / Math.max(1, text.length()))));
        g.setFont(SERIF.deriveFont(Font.BOLD, fontSize));
        double span = Math.min(1.9 * Math.PI, text.length() * fontSize * 0.62 / radius);
        double angle = -Math.PI / 2 - span / 2;
        double step = span / Math.max(1, text.length());
        AffineTransform original = g.getTransform();
        for (int i = 0; i < text.length(); i++) {
            String letter = String.valueOf(text.charAt(i));
            double a = angle + step * (i + 0.5);
            AffineTransform t = new AffineTransform(original);
            t.translate(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
            t.rotate(a + Math.PI / 2);
            g.setTransform(t);
            int width = g.getFontMetrics().stringWidth(letter);
            g.drawString(letter, -width / 2f, 0);
        }
        g.setTransform(original);
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font loadSerif() {
        try (InputStream in = PdfFonts.serifFile()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("DejaVu Serif cannot be read", e);
        }
    }
}
