package vn.congvan.exchange.edxml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A package's XML read with its elements counted as they stream: deeper nesting or more elements
 * than allowed are refused at the element that goes over, before the reader recurses into it or
 * holds it, so a package of millions of empty elements costs neither a stack nor a heap.
 */
final class BoundedStructure extends StreamReaderDelegate {

    private final int maxDepth;
    private final int maxElements;
    private int depth;
    private int elements;

    BoundedStructure(XMLStreamReader reader, int maxDepth, int maxElements) {
        super(reader);
        this.maxDepth = maxDepth;
        this.maxElements = maxElements;
    }

    @Override
    public int next() throws XMLStreamException {
        return counted(super.next());
    }

    @Override
    public int nextTag() throws XMLStreamException {
        return counted(super.nextTag());
    }

    private int counted(int event) {
        if (event == XMLStreamConstants.START_ELEMENT) {
            if (++elements > maxElements) {
                throw Refusals.tooManyElements(maxElements);
            }
            if (++depth > maxDepth) {
                throw Refusals.tooDeep(maxDepth);
            }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
        }
        return event;
    }
}
