package vn.congvan.signing.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.congvan.shared.DomainException;

class TransparentPngTests {

    @Test
    void theDemoSignatureAndSealAreTransparentPngs() {
        assertThat(TransparentPng.of(DemoImages.signature("Nguyễn Văn Thắng")).width())
                .isEqualTo(360);
        assertThat(TransparentPng.of(DemoImages.seal("Ủy ban nhân dân tỉnh Bắc Giang"))
                        .height())
                .isEqualTo(400);
    }

    @Test
    void aJpegIsNotAPng() throws IOException {
        refused(image(BufferedImage.TYPE_INT_RGB, "jpg", false), "signing.image.not-png");
    }

    @Test
    void anOpaqueBackgroundIsRefused() throws IOException {
        refused(image(BufferedImage.TYPE_INT_RGB, "png", false), "signing.image.not-transparent");
        refused(image(BufferedImage.TYPE_INT_ARGB, "png", false), "signing.image.not-transparent");
    }

    @Test
    void aTransparentBackgroundIsAccepted() throws IOException {
        assertThat(TransparentPng.of(image(BufferedImage.TYPE_INT_ARGB, "png", true))
                        .width())
                .isEqualTo(200);
    }

    @Test
    void aPngClaimingHugeSidesIsRefusedBeforeItsPixelsAreRead() throws IOException {
        byte[] png = image(BufferedImage.TYPE_INT_ARGB, "png", true);
        ByteBuffer.wrap(png, 16, 8).putInt(60_000).putInt(60_000);

        refused(png, "signing.image.size");
    }

    @Test
    void aFileOverAMegabyteIsRefused() {
        refused(new byte[TransparentPng.MAX_BYTES + 1], "signing.image.too-large");
    }

    static void refused(byte[] bytes, String code) {
        assertThatThrownBy(() -> TransparentPng.of(bytes))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    /** A blue stroke on a 200×80 image, its background transparent or white. */
    static byte[] image(int type, String format, boolean transparentBackground) throws IOException {
        BufferedImage image = new BufferedImage(200, 80, type);
        Graphics2D g = image.createGraphics();
        if (!transparentBackground) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 80);
        }
        g.setColor(Color.BLUE);
        g.fillRect(20, 35, 160, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
