package vn.congvan.platform;

import java.util.List;
import vn.congvan.shared.Official;

/** Implemented by modules that have work waiting for an official, shown as tiles on the home page. */
public interface MyWork {

    List<WorkTile> tilesFor(Official official);
}
