package vn.congvan.exchange.edxml;

import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.stereotype.Component;

/**
 * Reads edXML packages of any producer leniently and writes them in the canonical form of QCVN
 * 102:2016; a refused package raises a {@link vn.congvan.shared.DomainException} coded
 * {@code exchange.edxml.*}.
 */
@Component
public class Edxml {

    private final EdxmlReader reader;
    private final EdxmlWriter writer = new EdxmlWriter();

    /** A codec spooling attachments in the JVM's temporary directory, for tools and tests. */
    public Edxml(ExchangeProperties properties) {
        this.reader = new EdxmlReader(properties);
    }

    /** The installation's codec: attachments spooled under {@code ${congvan.data-dir}/exchange/spool}. */
    @org.springframework.beans.factory.annotation.Autowired
    public Edxml(ExchangeProperties properties, vn.congvan.platform.CongVanProperties installation) {
        this.reader = new EdxmlReader(properties, spoolDir(installation));
    }

    /** Where a running installation decodes the attachments of the packages it reads. */
    public static java.nio.file.Path spoolDir(vn.congvan.platform.CongVanProperties installation) {
        return installation
                .dataDir()
                .resolve("exchange")
                .resolve("spool")
                .toAbsolutePath()
                .normalize();
    }

    /** The package in {@code in}, its attachments in temporary files until the package is closed. */
    public EdxmlPackage read(InputStream in) {
        return reader.read(in);
    }

    /** The header, business part and manifest of the package in {@code in}, its attachments left unread. */
    public EdxmlPackage readEnvelope(InputStream in) {
        return reader.readEnvelope(in);
    }

    /** Writes {@code edxml} to {@code out} in the canonical form, attachments streamed in base64. */
    public void write(EdxmlPackage edxml, OutputStream out) {
        writer.write(edxml, out);
    }
}
