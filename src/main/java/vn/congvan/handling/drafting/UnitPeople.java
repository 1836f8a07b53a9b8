package vn.congvan.handling.drafting;

import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.congvan.directory.Directory;
import vn.congvan.handling.staff.UnitStaff;

/** The people of a unit with their roles, read from the directory at each call (a role taken away counts at once). */
@Component
class UnitPeople {

    private final Directory directory;

    UnitPeople(Directory directory) {
        this.directory = directory;
    }

    UnitStaff of(UUID unitId) {
        return new UnitStaff(unitId, directory.people(unitId));
    }

    /** The name of one of them, or their id when the directory no longer knows them by name. */
    static String name(UnitStaff staff, UUID id) {
        String name = staff.nameOf(id);
        return name == null ? id.toString() : name;
    }
}
