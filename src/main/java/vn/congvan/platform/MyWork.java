package vn.congvan.platform;

import java.util.List;
import vn.congvan.shared.Official;

/**
 * Implemented by modules that have work waiting for an official: counted as tiles on the home page,
 * with what the official can start there and the first things waiting, so that each opens in one
 * click.
 */
public interface MyWork {

    List<WorkTile> tilesFor(Official official);

    /** What the official can start from the home page; none by default. */
    default List<Shortcut> shortcutsFor(Official official) {
        return List.of();
    }

    /** The first {@code limit} things waiting for the official, most pressing first; none by default. */
    default List<NextTask> nextFor(Official official, int limit) {
        return List.of();
    }
}
