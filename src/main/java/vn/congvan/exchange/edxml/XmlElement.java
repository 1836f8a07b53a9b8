package vn.congvan.exchange.edxml;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An element of a package's envelope, known by its local name whatever its namespace. */
final class XmlElement {

    private final String name;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlElement> children = new ArrayList<>();

    XmlElement(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void appendText(String more) {
        text.append(more);
    }

    void add(XmlElement child) {
        children.add(child);
    }

    String text() {
        return text.toString().strip();
    }

    /** The first child of one of these names, in the order the names are given. */
    @Nullable
    XmlElement child(String... names) {
        for (String wanted : names) {
            for (XmlElement child : children) {
                if (child.name.equals(wanted)) {
                    return child;
                }
            }
        }
        return null;
    }

    /** The text of the first child of one of these names; empty when there is none. */
    String text(String... names) {
        XmlElement child = child(names);
        return child == null ? "" : child.text();
    }

    List<XmlElement> children(String wanted) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(wanted)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first element of this name at any depth below, looking breadth-first. */
    @Nullable
    XmlElement find(String wanted) {
        List<XmlElement> level = List.of(this);
        while (!level.isEmpty()) {
            List<XmlElement> next = new ArrayList<>();
            for (XmlElement element : level) {
                XmlElement hit = element.child(wanted);
                if (hit != null) {
                    return hit;
                }
                next.addAll(element.children);
            }
            level = next;
        }
        return null;
    }

    /** The texts of all elements of this name at any depth below. */
    List<String> texts(String wanted) {
        List<String> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(wanted)) {
                found.add(child.text());
            }
            found.addAll(child.texts(wanted));
        }
        return found;
    }
}
