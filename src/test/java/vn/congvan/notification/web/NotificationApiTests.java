package vn.congvan.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import vn.congvan.ApiClient;
import vn.congvan.ApiClient.Answer;
import vn.congvan.CongVanTest;
import vn.congvan.TestProvince;
import vn.congvan.notification.Notifications;
import vn.congvan.notification.TestReaders;
import vn.congvan.notification.TestReaders.Reader;

@CongVanTest
class NotificationApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Notifications notifications;

    TestProvince province;
    TestReaders readers;

    @BeforeEach
    void readers() {
        readers = new TestReaders(context, port);
        province = readers.province();
    }

    ApiClient apiOf(Reader reader) {
        return new ApiClient(port, province.tokenFor(reader.username()));
    }

    @Test
    void anOfficialListsTheirNoticesWithTheUnreadCountInTheirLanguage() {
        Reader reader = readers.aReader("Phạm Minh Tuấn");
        String link = "/documents/" + UUID.randomUUID();
        readers.send(TestReaders.registered(reader, "12", link, true));
        readers.send(TestReaders.registered(reader, "13", "/documents/" + UUID.randomUUID(), false));

        Answer vietnamese = apiOf(reader).get("/api/v1/notifications");
        Answer english = apiOf(reader).inEnglish().get("/api/v1/notifications?limit=1");

        assertThat(vietnamese.status()).isEqualTo(200);
        assertThat(((Number) vietnamese.get("unreadCount")).longValue()).isEqualTo(2);
        List<?> notices = (List<?>) vietnamese.get("notices");
        assertThat(notices).hasSize(2);
        Map<?, ?> oldest = (Map<?, ?>) notices.get(1);
        assertThat(oldest.get("text")).isEqualTo("Đã vào sổ văn bản đến, số đến 12.");
        assertThat(oldest.get("kind")).isEqualTo("registry.registered");
        assertThat(oldest.get("link")).isEqualTo(link);
        assertThat(oldest.get("urgent")).isEqualTo(true);
        assertThat(oldest.get("read")).isEqualTo(false);
        assertThat((String) oldest.get("notifiedAt")).endsWith("Z");
        List<?> newest = (List<?>) english.get("notices");
        assertThat(newest).hasSize(1);
        assertThat(((Map<?, ?>) newest.get(0)).get("text")).isEqualTo("Registered as incoming document no. 13.");
        assertThat(((Number) english.get("unreadCount")).longValue()).isEqualTo(2);
    }

    @Test
    void anOfficialMarksOneNoticeThenAllRead() {
        Reader reader = readers.aReader("Phạm Minh Tuấn");
        readers.send(TestReaders.registered(reader, "12", "/documents/" + UUID.randomUUID(), false));
        readers.send(TestReaders.registered(reader, "13", "/documents/" + UUID.randomUUID(), false));
        ApiClient api = apiOf(reader);
        String id = (String)
                ((Map<?, ?>) ((List<?>) api.get("/api/v1/notifications").get("notices")).get(0)).get("id");

        Answer one = api.postJson("/api/v1/notifications/" + id + "/read", Map.of());

        assertThat(one.status()).isEqualTo(204);
        assertThat(((Number) api.get("/api/v1/notifications").get("unreadCount")).longValue())
                .isEqualTo(1);

        Answer all = api.postJson("/api/v1/notifications/read", Map.of());

        assertThat(all.status()).isEqualTo(204);
        Answer after = api.get("/api/v1/notifications");
        assertThat(((Number) after.get("unreadCount")).longValue()).isZero();
        assertThat((List<?>) after.get("notices"))
                .allMatch(n -> ((Map<?, ?>) n).get("read").equals(true));
    }

    @Test
    void anotherOfficialsNoticeIsNotFoundAndStaysUnread() {
        Reader reader = readers.aReader("Phạm Minh Tuấn");
        Reader colleague = readers.aReader("Đỗ Thu Hà");
        readers.send(TestReaders.registered(reader, "12", "/documents/" + UUID.randomUUID(), false));
        UUID notice = notifications.latest(reader.personId(), 1).get(0).id();

        Answer refused = apiOf(colleague).inEnglish().postJson("/api/v1/notifications/" + notice + "/read", Map.of());
        Answer unknown = apiOf(colleague).postJson("/api/v1/notifications/" + UUID.randomUUID() + "/read", Map.of());
        Answer theirs = apiOf(colleague).get("/api/v1/notifications");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.get("code")).isEqualTo("notification.not-found");
        assertThat(refused.get("detail")).isEqualTo("No such notice.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.get("detail")).isEqualTo("Không tìm thấy thông báo.");
        assertThat((List<?>) theirs.get("notices")).isEmpty();
        assertThat(notifications.unreadCount(reader.personId())).isEqualTo(1);
    }

    @Test
    void aLimitOutOfRangeIsRefusedWithAProblem() {
        Reader reader = readers.aReader("Phạm Minh Tuấn");

        Answer refused = apiOf(reader).get("/api/v1/notifications?limit=0");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.get("code")).isEqualTo("notification.invalid-limit");
    }

    @Test
    void withoutATokenTheNoticesAreRefused() {
        int status = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/api/v1/notifications")
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(401);
    }
}
