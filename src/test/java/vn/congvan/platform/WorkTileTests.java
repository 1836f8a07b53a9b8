package vn.congvan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkTileTests {

    @Test
    void anUrgentKindOfTileIsMarkedUrgentOnlyWhenItCountsSomething() {
        assertThat(new WorkTile(2, "handling.work.overdue", 3, "/my-work", true).urgent())
                .isTrue();
        assertThat(new WorkTile(2, "handling.work.overdue", 0, "/my-work", true).urgent())
                .as("zero is not red")
                .isFalse();
        assertThat(new WorkTile(1, "handling.work.tile", 5, "/my-work", false).urgent())
                .isFalse();
    }
}
