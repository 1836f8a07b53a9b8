package vn.congvan.signing.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.ImageIO;
import vn.congvan.shared.DomainException;

/**
 * A PNG image with a transparent background, as Decree 30 wants signature and seal images: checked
 * to be a real PNG, of bounded size, with an alpha channel and transparent pixels around the ink.
 */
public record TransparentPng(byte[] bytes, int width, int height) {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** The largest side accepted, read from the header before the pixels are decoded. */
    static final int MAX_SIDE = 2000;

    static final int MIN_SIDE = 16;

    /** At least this share of the pixels must be fully transparent: the background. */
    static final double MIN_TRANSPARENT_SHARE = 0.10;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Checks an uploaded image; refuses with {@code signing.image.*} what is not a usable transparent PNG. */
    public static TransparentPng of(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw DomainException.invalid("signing.image.too-large", MAX_BYTES / 1024);
        }
        if (bytes.length < 33
                || !Arrays.equals(Arrays.copyOf(bytes, SIGNATURE.length), SIGNATURE)
                || !"IHDR".equals(new String(bytes, 12, 4, java.nio.charset.StandardCharsets.US_ASCII))) {
            throw DomainException.invalid("signing.image.not-png");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
        long width = Integer.toUnsignedLong(header.getInt());
        long height = Integer.toUnsignedLong(header.getInt());
        if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
            throw DomainException.invalid("signing.image.size", MIN_SIDE, MAX_SIDE);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw DomainException.invalid("signing.image.not-png");
        }
        if (image == null) {
            throw DomainException.invalid("signing.image.not-png");
        }
        if (!image.getColorModel().hasAlpha() || transparentShare(image) < MIN_TRANSPARENT_SHARE) {
            throw DomainException.invalid("signing.image.not-transparent");
        }
        return new TransparentPng(bytes.clone(), image.getWidth(), image.getHeight());
    }

    private static double transparentShare(BufferedImage image) {
        long transparent = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) == 0) {
                    transparent++;
                }
            }
        }
        return (double) transparent / ((long) image.getWidth() * image.getHeight());
    }
}
