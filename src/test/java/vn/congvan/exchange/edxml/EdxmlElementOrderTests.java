package vn.congvan.exchange.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.congvan.exchange.edxml.EdxmlPackages.aReplacement;
import static vn.congvan.exchange.edxml.EdxmlPackages.aStatusRegistered;
import static vn.congvan.exchange.edxml.EdxmlPackages.anAttachment;
import static vn.congvan.exchange.edxml.EdxmlPackages.written;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer orders the elements as the national axis's own packages do (QCVN 102:2016 with its 2022
 * amendment leaves no schema in the conformance material, so these packages are the reference): under
 * every element, the children both name come in the same order.
 */
class EdxmlElementOrderTests {

    private final Edxml edxml = new Edxml(ExchangeProperties.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"third-party-edoc_new.edxml", "third-party-edoc_update.edxml"})
    void aDocumentIsWrittenInTheElementOrderOfTheAxissOwnPackages(String sample) throws Exception {
        List<EdxmlAttachment> files = List.of(anAttachment("1", "12-UBND-VP.pdf", "application/pdf", new byte[] {1}));
        byte[] ours = written(edxml, EdxmlPackage.ofDocument(aReplacement(files), files));

        assertSameOrder(ours, Files.readAllBytes(Conformance.edxml().resolve(sample)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"third-party-status_processing_05.edxml"})
    void aStatusIsWrittenInTheElementOrderOfTheAxissOwnStatus(String sample) throws Exception {
        byte[] ours = written(edxml, EdxmlPackage.ofStatus(aStatusRegistered()));

        assertSameOrder(ours, Files.readAllBytes(Conformance.edxml().resolve(sample)));
    }

    private static void assertSameOrder(byte[] ours, byte[] theirs) throws Exception {
        Map<String, Set<String>> written = childrenInOrder(ours);
        Map<String, Set<String>> reference = childrenInOrder(theirs);
        int compared = 0;
        for (Map.Entry<String, Set<String>> parent : reference.entrySet()) {
            Set<String> ourChildren = written.get(parent.getKey());
            if (ourChildren == null) {
                continue;
            }
            List<String> theirOrder = new ArrayList<>(parent.getValue());
            theirOrder.retainAll(ourChildren);
            List<String> ourOrder = new ArrayList<>(ourChildren);
            ourOrder.retainAll(parent.getValue());
            assertThat(ourOrder).as("children of %s", parent.getKey()).isEqualTo(theirOrder);
            compared += ourOrder.size();
        }
        assertThat(compared).as("elements compared").isGreaterThan(20);
    }

    /** For each element path (local names, namespaces aside), the names of its children in their first order. */
    private static Map<String, Set<String>> childrenInOrder(byte[] xml) throws Exception {
        Map<String, Set<String>> children = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = new ByteArrayInputStream(xml)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String parent = String.join("/", path);
                    children.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(reader.getLocalName());
                    path.add(reader.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.remove(path.size() - 1);
                }
            }
        }
        return children;
    }
}
